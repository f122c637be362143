using Vigia.Core.Time;

namespace Vigia.Core.Tests.Time;

public sealed class TimestampTests
{
    // 2024-03-01T12:34:56Z, worked out by hand: 19783 days after 1970-01-01, plus 45296 s.
    private const long March1st2024At123456Seconds = (19_783L * 86_400L) + 45_296L;

    [Fact]
    public void UnixEpoch_IsZeroNanoseconds()
    {
        Assert.Equal(0L, Timestamp.UnixEpoch.UnixNanoseconds);
        Assert.Equal("1970-01-01T00:00:00Z", Timestamp.UnixEpoch.ToString());
    }

    [Fact]
    public void AddSeconds_FractionalStep_MovesByWholeNanoseconds()
    {
        var t = new Timestamp(1_000_000_000L);

        var later = t.AddSeconds(0.25);
        var earlier = t.AddSeconds(-1.5);

        Assert.Equal(1_250_000_000L, later.UnixNanoseconds);
        Assert.Equal(-500_000_000L, earlier.UnixNanoseconds);
    }

    [Fact]
    public void SecondsSince_IsSignedDifference()
    {
        var a = new Timestamp(5_000_000_000L);
        var b = new Timestamp(3_500_000_000L);

        Assert.Equal(1.5, a.SecondsSince(b));
        Assert.Equal(-1.5, b.SecondsSince(a));
    }

    [Fact]
    public void SecondsSince_OneNanosecondApartInThePresent_IsExact()
    {
        // A double of Unix seconds cannot resolve 1 ns in 2024; the integer difference can.
        var a = new Timestamp(March1st2024At123456Seconds * 1_000_000_000L);

        Assert.Equal(1e-9, new Timestamp(a.UnixNanoseconds + 1).SecondsSince(a), 1e-18);
    }

    [Fact]
    public void FromUnixSeconds_RoundsToNearestNanosecond()
    {
        Assert.Equal(1_500_000_000L, Timestamp.FromUnixSeconds(1.5).UnixNanoseconds);
        Assert.Equal(3L, Timestamp.FromUnixSeconds(2.6e-9).UnixNanoseconds);
        Assert.Equal(-2_000_000_000L, Timestamp.FromUnixSeconds(-2.0).UnixNanoseconds);
    }

    [Fact]
    public void FromUnixSeconds_BeyondTheRepresentableRange_Throws()
    {
        // long nanoseconds cover ±292 years around 1970.
        Assert.Throws<OverflowException>(() => Timestamp.FromUnixSeconds(1e10));
    }

    [Fact]
    public void ComparisonOperators_OrderByInstant()
    {
        var early = new Timestamp(1);
        var late = new Timestamp(2);

        Assert.True(early < late);
        Assert.True(late > early);
        Assert.True(early <= new Timestamp(1));
        Assert.True(late >= new Timestamp(2));
        Assert.False(late < early);
        Assert.False(early >= late);
        Assert.True(early.CompareTo(late) < 0);
        Assert.Equal(0, late.CompareTo(new Timestamp(2)));
    }

    [Theory]
    [InlineData(0L, "2024-03-01T12:34:56Z")]
    [InlineData(789_000_000L, "2024-03-01T12:34:56.789Z")]
    [InlineData(100L, "2024-03-01T12:34:56.0000001Z")]
    [InlineData(123_456_789L, "2024-03-01T12:34:56.1234567Z")]
    public void ToString_IsRfc3339Utc(long extraNanoseconds, string expected)
    {
        var t = new Timestamp((March1st2024At123456Seconds * 1_000_000_000L) + extraNanoseconds);

        Assert.Equal(expected, t.ToString());
    }

    [Fact]
    public void FromDateTimeOffset_WithOffset_IsTheSameUtcInstant()
    {
        var local = new DateTimeOffset(2024, 3, 1, 14, 34, 56, TimeSpan.FromHours(2));

        var t = Timestamp.FromDateTimeOffset(local);

        Assert.Equal(March1st2024At123456Seconds * 1_000_000_000L, t.UnixNanoseconds);
    }

    [Fact]
    public void ToDateTimeOffset_RoundTripsThroughFromDateTimeOffsetAtTickResolution()
    {
        var original = new DateTimeOffset(2031, 7, 9, 23, 59, 58, TimeSpan.FromHours(-5)).AddTicks(1_234_567);

        var back = Timestamp.FromDateTimeOffset(original).ToDateTimeOffset();

        Assert.Equal(original.UtcTicks, back.UtcTicks);
        Assert.Equal(TimeSpan.Zero, back.Offset);
    }

    [Fact]
    public void ToDateTimeOffset_SubTickNanoseconds_AreTruncated()
    {
        var t = new Timestamp((March1st2024At123456Seconds * 1_000_000_000L) + 199L);

        var dto = t.ToDateTimeOffset();

        Assert.Equal(1L, dto.UtcTicks - new DateTimeOffset(2024, 3, 1, 12, 34, 56, TimeSpan.Zero).UtcTicks);
    }
}
