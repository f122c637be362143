using Vigia.Tracking.Models;
using Vigia.Tracking.Tests.TestKit;

namespace Vigia.Tracking.Tests.Models;

public sealed class ConstantVelocityModelTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    [InlineData(1.0)]
    [InlineData(2.5)]
    public void Transition_Dt_MatchesTheTextbookFAndQPerAxis(double dt)
    {
        // Bar-Shalom, Li, Kirubarajan (2001) §6.2.2: F = [[1, dt], [0, 1]], Q = q [[dt³/3, dt²/2], [dt²/2, dt]].
        const double horizontal = 3.0;
        const double vertical = 0.7;
        var f = new double[36];
        var q = new double[36];
        f.AsSpan().Fill(double.NaN);
        q.AsSpan().Fill(double.NaN);
        new ConstantVelocityModel(horizontal, vertical).Transition(dt, f, q);

        var expectedF = Dense.Identity(6);
        var expectedQ = new double[36];
        for (var axis = 0; axis < 3; axis++)
        {
            var noise = axis == 2 ? vertical : horizontal;
            expectedF[axis * 6 + axis + 3] = dt;
            expectedQ[axis * 6 + axis] = noise * Math.Pow(dt, 3) / 3;
            expectedQ[axis * 6 + axis + 3] = noise * dt * dt / 2;
            expectedQ[(axis + 3) * 6 + axis] = noise * dt * dt / 2;
            expectedQ[(axis + 3) * 6 + axis + 3] = noise * dt;
        }

        for (var k = 0; k < 36; k++)
        {
            Assert.Equal(expectedF[k], f[k], 1e-15);
            Assert.Equal(expectedQ[k], q[k], 1e-12);
        }
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(1.0)]
    [InlineData(30.0)]
    public void Transition_PositiveDt_QIsSymmetricPositiveDefinite(double dt)
    {
        var f = new double[36];
        var q = new double[36];
        new ConstantVelocityModel(5, 0.5).Transition(dt, f, q);

        Assert.Equal(0, Dense.Asymmetry(q, 6));
        Assert.True(Dense.SmallestEigenvalue(q, 6) > 0);
    }

    [Fact]
    public void Name_IsCv()
    {
        Assert.Equal("cv", new ConstantVelocityModel(1, 1).Name);
    }
}
