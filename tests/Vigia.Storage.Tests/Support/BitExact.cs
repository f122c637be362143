using Vigia.Core.Geodesy;
using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Core.Tracks;

namespace Vigia.Storage.Tests.Support;

/// <summary>Field-by-field comparison with doubles compared by their bits (record equality treats −0 and +0 as equal).</summary>
public static class BitExact
{
    public static void Equal(double expected, double actual, string field) =>
        Assert.True(
            BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual),
            $"{field}: expected {expected:R} (0x{BitConverter.DoubleToInt64Bits(expected):X16}), got {actual:R} (0x{BitConverter.DoubleToInt64Bits(actual):X16})");

    public static void Equal(Observation expected, Observation actual)
    {
        Assert.Equal(expected.Sensor, actual.Sensor);
        Assert.Equal(expected.ClientId, actual.ClientId);
        Assert.Equal(expected.SensorTime, actual.SensorTime);
        Assert.Equal(expected.ReceiveTime, actual.ReceiveTime);
        Assert.Equal(expected.UasId, actual.UasId);
        Equal(expected.OperatorPosition, actual.OperatorPosition, "operator");
        Assert.Equal(expected.Identity, actual.Identity);
        Assert.Equal(expected.Classification, actual.Classification);
        var m = expected.Measurement;
        var a = actual.Measurement;
        Assert.Equal(m.Kind, a.Kind);
        Equal(m.V0, a.V0, "v0");
        Equal(m.V1, a.V1, "v1");
        Equal(m.V2, a.V2, "v2");
        Equal(m.Covariance, a.Covariance, "covariance");
        Equal(m.SensorPosition, a.SensorPosition, "sensor position");
    }

    public static void Equal(TrackSnapshot expected, TrackSnapshot actual)
    {
        Assert.Equal(expected.TrackId, actual.TrackId);
        Assert.Equal(expected.Time, actual.Time);
        Assert.Equal(expected.Status, actual.Status);
        Equal(expected.Position, actual.Position, "position");
        Equal(expected.Velocity, actual.Velocity, "velocity");
        Equal(expected.PositionCovariance, actual.PositionCovariance, "position covariance");
        Assert.Equal(expected.UasId, actual.UasId);
        Equal(expected.OperatorPosition, actual.OperatorPosition, "operator");
        Assert.Equal(expected.FirstSeen, actual.FirstSeen);
        Assert.Equal(expected.LastUpdate, actual.LastUpdate);
        Assert.Equal(expected.UpdateCount, actual.UpdateCount);
        Equal(expected.ManoeuvreProbability, actual.ManoeuvreProbability, "manoeuvre probability");
    }

    public static void Equal(Matrix3x3 expected, Matrix3x3 actual, string field)
    {
        for (var r = 0; r < 3; r++)
        {
            for (var c = 0; c < 3; c++)
            {
                Equal(expected[r, c], actual[r, c], $"{field}[{r},{c}]");
            }
        }
    }

    public static void Equal(EnuVector expected, EnuVector actual, string field)
    {
        Equal(expected.EastMeters, actual.EastMeters, field + ".east");
        Equal(expected.NorthMeters, actual.NorthMeters, field + ".north");
        Equal(expected.UpMeters, actual.UpMeters, field + ".up");
    }

    public static void Equal(GeoPosition? expected, GeoPosition? actual, string field)
    {
        Assert.Equal(expected.HasValue, actual.HasValue);
        if (expected is { } e && actual is { } a)
        {
            Equal(e.LatitudeDegrees, a.LatitudeDegrees, field + ".lat");
            Equal(e.LongitudeDegrees, a.LongitudeDegrees, field + ".lon");
            Equal(e.HeightAboveEllipsoidMeters, a.HeightAboveEllipsoidMeters, field + ".h");
        }
    }
}
