using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Vigia.Core.Tests.Numerics;

/// <summary>A random small dense cost matrix for property tests of the assignment solver.</summary>
public sealed record AssignmentProblem(int Rows, int Cols, double[] Costs)
{
    /// <summary>
    /// Sizes 0..6 each way; costs are small integers half the time (many ties) and otherwise
    /// reals; with <paramref name="allowForbidden"/>, about a quarter of the entries are +∞.
    /// </summary>
    public static Arbitrary<AssignmentProblem> Arbitrary(bool allowForbidden)
    {
        var integer = Gen.Choose(0, 9).Select(i => (double)i);
        var real = Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 1000.0);
        var value = Gen.OneOf(integer, real);
        var entry = allowForbidden
            ? Gen.Frequency((3, value), (1, Gen.Constant(double.PositiveInfinity)))
            : value;
        var problem =
            from rows in Gen.Choose(0, 6)
            from cols in Gen.Choose(0, 6)
            from costs in Gen.ArrayOf(entry, rows * cols)
            select new AssignmentProblem(rows, cols, costs);
        return problem.ToArbitrary();
    }

    /// <summary>Readable counterexample.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Rows}x{Cols} [{string.Join(", ", Costs)}]");
}
