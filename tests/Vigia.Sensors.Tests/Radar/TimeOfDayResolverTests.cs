using Vigia.Core.Time;
using Vigia.Protocols.Asterix;
using Vigia.Sensors.Radar;

namespace Vigia.Sensors.Tests.Radar;

public sealed class TimeOfDayResolverTests
{
    private static readonly DateTimeOffset Day = new(2016, 5, 5, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("07:35:56", 27354.6015625, "2016-05-05T07:35:54.6015625Z")]
    [InlineData("00:00:00.2", 86399.9921875, "2016-05-04T23:59:59.9921875Z")]
    [InlineData("23:59:59.8", 0.0078125, "2016-05-06T00:00:00.0078125Z")]
    [InlineData("12:00:00", 0, "2016-05-05T00:00:00Z")]
    [InlineData("11:59:58", 86399, "2016-05-04T23:59:59Z")]
    [InlineData("12:00:01", 86399, "2016-05-05T23:59:59Z")]
    public void Resolve_PicksTheDayNearestTheReference(string receivedAt, double secondsOfDay, string expected)
    {
        var reference = Timestamp.FromDateTimeOffset(Day + TimeSpan.Parse(receivedAt, System.Globalization.CultureInfo.InvariantCulture));
        var time = new AsterixTimeOfDay((uint)Math.Round(secondsOfDay * 128));

        var resolved = TimeOfDayResolver.Resolve(time, reference);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), resolved.ToDateTimeOffset());
    }

    [Fact]
    public void Resolve_BeforeTheUnixEpoch_StillUsesWholeUtcDays()
    {
        var reference = Timestamp.FromDateTimeOffset(new DateTimeOffset(1969, 12, 31, 23, 0, 0, TimeSpan.Zero));
        var resolved = TimeOfDayResolver.Resolve(new AsterixTimeOfDay(128 * 60), reference);
        Assert.Equal(new DateTimeOffset(1970, 1, 1, 0, 1, 0, TimeSpan.Zero), resolved.ToDateTimeOffset());
    }
}
