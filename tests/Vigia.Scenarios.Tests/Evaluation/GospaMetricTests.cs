using Vigia.Core.Geodesy;
using Vigia.Scenarios.Evaluation;

namespace Vigia.Scenarios.Tests.Evaluation;

public sealed class GospaMetricTests
{
    // c = 50 m throughout, so one unassigned object costs c^p / 2 = 1250 (p = 2) or 25 (p = 1).
    private static GospaMetric P2 => new(50, 2);
    private static GospaMetric P1 => new(50, 1);

    private static EnuVector At(double x, double y = 0, double z = 0) => new(x, y, z);

    [Fact]
    public void Evaluate_BothSetsEmpty_IsZero()
    {
        var r = P2.Evaluate([], []);
        Assert.Equal(0.0, r.Value);
        Assert.Equal((0, 0), (r.Missed, r.False));
        Assert.Empty(r.Assigned);
    }

    [Fact]
    public void Evaluate_OneTruthNoTracks_IsOneMissed()
    {
        var r = P2.Evaluate([At(100)], []);
        Assert.Equal(Math.Sqrt(1250), r.Value, 12);
        Assert.Equal((1, 0), (r.Missed, r.False));
    }

    [Fact]
    public void Evaluate_NoTruthsTwoTracks_IsTwoFalse()
    {
        var r = P2.Evaluate([], [At(0), At(500)]);
        Assert.Equal(50.0, r.Value, 12);
        Assert.Equal((0, 2), (r.Missed, r.False));
    }

    [Fact]
    public void Evaluate_OneFarPair_IsMissedPlusFalse()
    {
        var r = P2.Evaluate([At(0)], [At(0, 100)]);
        Assert.Equal(50.0, r.Value, 12);
        Assert.Equal((1, 1), (r.Missed, r.False));
        Assert.Empty(r.Assigned);
    }

    [Fact]
    public void Evaluate_PairExactlyAtCutoff_IsNotAssigned()
    {
        var r = P2.Evaluate([At(0)], [At(0, 0, 50)]);
        Assert.Equal(50.0, r.Value, 12);
        Assert.Equal((1, 1), (r.Missed, r.False));
    }

    [Fact]
    public void Evaluate_OneNearPair_IsItsDistance()
    {
        // (18, 24, 0) is 30 m away horizontally; (2, 3, 6) is 7 m away in 3-D.
        var r = P2.Evaluate([At(0)], [At(18, 24)]);
        Assert.Equal(30.0, r.Value, 12);
        Assert.Equal((0, 0), (r.Missed, r.False));
        var pair = Assert.Single(r.Assigned);
        Assert.Equal(new GospaPair(0, 0, 30.0), pair);

        var r3 = P2.Evaluate([At(1, 2, 3)], [At(1 + 2, 2 + 3, 3 + 6)]);
        Assert.Equal(7.0, r3.Value, 12);
    }

    [Fact]
    public void Evaluate_TwoByTwo_IsOptimalNotGreedy()
    {
        // On a line: b = -9, a = 0, x = 1, y = 10. Greedy (closest first) takes a-x (1) and is left
        // with b-y (19): 1 + 361 = 362. The optimum pairs a-y and b-x at 10 m each: 200.
        var r = P2.Evaluate([At(0), At(-9)], [At(1), At(10)]);
        Assert.Equal(Math.Sqrt(200), r.Value, 12);
        Assert.Equal((0, 0), (r.Missed, r.False));
        Assert.Equal([new GospaPair(0, 1, 10), new GospaPair(1, 0, 10)], r.Assigned.OrderBy(p => p.TruthIndex));
    }

    [Fact]
    public void Evaluate_OrderOne_SumsDistancesAndHalfCutoffs()
    {
        // One pair at 30 m and one missed truth: p = 1 gives 30 + 25; p = 2 gives sqrt(900 + 1250).
        EnuVector[] truths = [At(0), At(1000)];
        EnuVector[] tracks = [At(0, 30)];
        Assert.Equal(55.0, P1.Evaluate(truths, tracks).Value, 12);
        Assert.Equal(Math.Sqrt(2150), P2.Evaluate(truths, tracks).Value, 12);
    }

    [Fact]
    public void Evaluate_OrderOneOnTheGreedyCase_TiesAtTwenty()
    {
        // With p = 1 both assignments of the collinear 2 x 2 case cost 20.
        Assert.Equal(20.0, P1.Evaluate([At(0), At(-9)], [At(1), At(10)]).Value, 12);
    }

    [Fact]
    public void Evaluate_MoreTracksThanTruths_CountsTheRestAsFalse()
    {
        var r = P2.Evaluate([At(0)], [At(300), At(3), At(-200)]);
        Assert.Equal(Math.Sqrt(9 + 2 * 1250), r.Value, 12);
        Assert.Equal((0, 2), (r.Missed, r.False));
        Assert.Equal(new GospaPair(0, 1, 3), Assert.Single(r.Assigned));
    }

    [Theory]
    [InlineData(0.0, 2.0)]
    [InlineData(-1.0, 2.0)]
    [InlineData(50.0, 0.5)]
    [InlineData(double.NaN, 2.0)]
    public void Constructor_BadParameters_Throw(double c, double p) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new GospaMetric(c, p));
}
