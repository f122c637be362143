using Vigia.Core.Numerics;

namespace Vigia.Core.Tests.Numerics;

public sealed class Matrix3x3Tests
{
    [Fact]
    public void IsSymmetricPositiveDefinite_TypicalCovariance_IsTrueForEveryLeadingBlock()
    {
        var m = new Matrix3x3(
            4.0, 1.0, 0.5,
            1.0, 3.0, 0.2,
            0.5, 0.2, 2.0);

        Assert.True(m.IsSymmetricPositiveDefinite(1));
        Assert.True(m.IsSymmetricPositiveDefinite(2));
        Assert.True(m.IsSymmetricPositiveDefinite(3));
    }

    [Fact]
    public void IsSymmetricPositiveDefinite_Asymmetric_IsFalse()
    {
        var m = new Matrix3x3(
            4.0, 1.0, 0.0,
            1.1, 3.0, 0.0,
            0.0, 0.0, 2.0);

        Assert.False(m.IsSymmetricPositiveDefinite(2));
        Assert.False(m.IsSymmetricPositiveDefinite(3));
        Assert.True(m.IsSymmetricPositiveDefinite(1));
    }

    [Fact]
    public void IsSymmetricPositiveDefinite_AsymmetryBelowRelativeTolerance_IsTrue()
    {
        var m = new Matrix3x3(
            4.0, 1.0, 0.0,
            1.0 + 1e-12, 3.0, 0.0,
            0.0, 0.0, 2.0);

        Assert.True(m.IsSymmetricPositiveDefinite(3));
    }

    [Fact]
    public void IsSymmetricPositiveDefinite_IndefiniteSymmetric_IsFalse()
    {
        // Eigenvalues 3 and -1.
        var m = new Matrix3x3(
            1.0, 2.0, 0.0,
            2.0, 1.0, 0.0,
            0.0, 0.0, 1.0);

        Assert.False(m.IsSymmetricPositiveDefinite(2));
        Assert.False(m.IsSymmetricPositiveDefinite(3));
    }

    [Fact]
    public void IsSymmetricPositiveDefinite_IndefiniteOnlyInThirdRow_DependsOnDimension()
    {
        // The 2 × 2 block is positive definite; the full matrix has determinant -1.
        var m = new Matrix3x3(
            1.0, 0.0, 0.0,
            0.0, 1.0, 0.0,
            0.0, 0.0, -1.0);

        Assert.True(m.IsSymmetricPositiveDefinite(2));
        Assert.False(m.IsSymmetricPositiveDefinite(3));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void IsSymmetricPositiveDefinite_SingularOrZero_IsFalse(int dimension)
    {
        Assert.False(default(Matrix3x3).IsSymmetricPositiveDefinite(dimension));
        // Positive semi-definite (rank 1 in the leading block) is not enough.
        Assert.False(Matrix3x3.FromRowMajor([1, 1, 1, 1, 1, 1, 1, 1, 1], 3).IsSymmetricPositiveDefinite(Math.Max(dimension, 2)));
    }

    [Fact]
    public void IsSymmetricPositiveDefinite_NanInsideTheBlock_IsFalse()
    {
        var m = Matrix3x3.Diagonal(1.0, double.NaN, 1.0);

        Assert.True(m.IsSymmetricPositiveDefinite(1));
        Assert.False(m.IsSymmetricPositiveDefinite(2));
        Assert.False(m.IsSymmetricPositiveDefinite(3));
    }

    [Fact]
    public void IsSymmetricPositiveDefinite_NanOrInfinityOutsideTheBlock_IsIgnored()
    {
        var m = new Matrix3x3(
            2.0, 0.0, double.NaN,
            0.0, 2.0, 0.0,
            double.PositiveInfinity, 0.0, double.NaN);

        Assert.True(m.IsSymmetricPositiveDefinite(2));
        Assert.False(m.IsSymmetricPositiveDefinite(3));
    }

    [Fact]
    public void IsSymmetricPositiveDefinite_NegativeVarianceInOneByOneBlock_IsFalse()
    {
        Assert.False(Matrix3x3.Diagonal(-1e-6, 1, 1).IsSymmetricPositiveDefinite(1));
        Assert.True(Matrix3x3.Diagonal(1e-12, 1, 1).IsSymmetricPositiveDefinite(1));
    }

    [Fact]
    public void FromRowMajor_TwoByTwo_FillsTopLeftAndZeroesTheRest()
    {
        var m = Matrix3x3.FromRowMajor([1, 2, 3, 4], 2);

        Assert.Equal(new Matrix3x3(1, 2, 0, 3, 4, 0, 0, 0, 0), m);
        Assert.Equal(3.0, m[1, 0]);
    }
}
