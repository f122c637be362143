using Vigia.Core.Time;

namespace Vigia.Core.Tests;

public sealed class TimestampTryAddTests
{
    [Fact]
    public void TryAddSeconds_InRange_MatchesAddSeconds()
    {
        var t = Timestamp.FromUnixSeconds(1_750_000_000);

        Assert.True(t.TryAddSeconds(12.5, out var later));
        Assert.Equal(t.AddSeconds(12.5), later);
    }

    [Theory]
    [InlineData(1e15)]
    [InlineData(-1e12)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void TryAddSeconds_OutOfRange_ReturnsFalse(double seconds)
    {
        Assert.False(Timestamp.FromUnixSeconds(1_750_000_000).TryAddSeconds(seconds, out _));
    }

    [Fact]
    public void TryAddSeconds_PastTheLastRepresentableInstant_ReturnsFalseWithoutThrowing()
    {
        Assert.False(new Timestamp(long.MaxValue - 10).TryAddSeconds(1, out _));
        Assert.False(new Timestamp(long.MinValue + 10).TryAddSeconds(-1, out _));
    }
}
