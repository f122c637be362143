using Vigia.Core.Time;
using Vigia.Sensors.RemoteId;

namespace Vigia.Sensors.Tests.RemoteId;

public sealed class RemoteIdTimeTests
{
    private static Timestamp Utc(int hour, int minute, double seconds) =>
        Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 25, hour, minute, 0, TimeSpan.Zero)).AddSeconds(seconds);

    [Fact]
    public void Rebuild_SameHour_UsesTheReceiveHour()
    {
        Assert.Equal(Utc(10, 30, 12.3), RemoteIdTime.Rebuild((30 * 60) + 12.3, Utc(10, 30, 12.8)));
    }

    [Fact]
    public void Rebuild_SentBeforeTheHourReceivedAfter_UsesThePreviousHour()
    {
        Assert.Equal(Utc(10, 59, 59.9), RemoteIdTime.Rebuild(3599.9, Utc(11, 0, 0.2)));
    }

    [Fact]
    public void Rebuild_ReceiverClockSlightlyBehind_UsesTheNextHour()
    {
        Assert.Equal(Utc(12, 0, 0.1), RemoteIdTime.Rebuild(0.1, Utc(11, 59, 59.7)));
    }

    [Theory]
    [InlineData(6553.5)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void Rebuild_UnknownOrOutOfRange_IsNull(double secondsAfterHour)
    {
        Assert.Null(RemoteIdTime.Rebuild(secondsAfterHour, Utc(10, 0, 0)));
    }

    [Fact]
    public void Rebuild_ReceiveTimeAtTheEdgeOfTheRange_DoesNotThrow()
    {
        var edge = new Timestamp(long.MaxValue - 1_000_000_000L);

        var rebuilt = RemoteIdTime.Rebuild(0.1, edge);

        Assert.NotNull(rebuilt);
    }
}
