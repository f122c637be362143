using Vigia.Core.Geodesy;
using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Core.Tracks;

namespace Vigia.Storage.Tests.Support;

/// <summary>Observations, tracks and records for the journal tests.</summary>
public static class Build
{
    public static readonly Timestamp T0 = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));

    public static Timestamp At(double seconds) => T0.AddSeconds(seconds);

    /// <summary>A radar plot with awkward doubles (−0, a subnormal, thirds) so a lossy round trip shows.</summary>
    public static JournalObservation Plot(string sensor, double seconds, string? clientId = null, byte[]? raw = null, double range = 1234.5) =>
        new(new Observation
        {
            Sensor = new SensorId(sensor),
            SensorTime = At(seconds),
            ReceiveTime = At(seconds).AddSeconds(0.0123),
            Measurement = Measurement.RangeAzimuthElevation(
                range, 1.0 / 3.0, -0.0, Covariance(25, 1e-6, 4e-6), new EnuVector(-0.0, 10.25, double.Epsilon)),
            ClientId = clientId,
        }, raw);

    /// <summary>A symmetric covariance with distinct off-diagonal terms.</summary>
    public static Matrix3x3 Covariance(double a, double b, double c) =>
        new(a, 0.1, -0.2, 0.1, b, 1.0 / 7.0, -0.2, 1.0 / 7.0, c);

    /// <summary>One observation of each measurement kind, every optional field set on some of them.</summary>
    public static IReadOnlyList<JournalObservation> OneOfEachKind()
    {
        var list = new List<JournalObservation>();
        foreach (var kind in Enum.GetValues<MeasurementKind>())
        {
            var i = (int)kind;
            var measurement = new Measurement(
                kind, 100.0 / 3.0 + i, Math.PI / (i + 2), -0.0, Covariance(1.5 + i, 2e-300, 3.25), new EnuVector(i, -i * 1e-9, 7.0 / 9.0));
            list.Add(new JournalObservation(
                new Observation
                {
                    Sensor = new SensorId("sensor-" + kind),
                    SensorTime = new Timestamp(T0.UnixNanoseconds + i * 1_000_000_007L),
                    ReceiveTime = new Timestamp(T0.UnixNanoseconds + i * 1_000_000_007L + 999),
                    Measurement = measurement,
                    UasId = i % 2 == 0 ? "1596F3A1B2C3D4E5F6" + i : null,
                    OperatorPosition = i % 2 == 0 ? new GeoPosition(40.123456789012345, -3.987654321098765, 650.125 + i) : null,
                    Identity = i % 2 == 0 ? new BroadcastIdentity { AircraftType = "HelicopterOrMultirotor", OperatorId = "FIN87astrdge12k" + i, SelfId = "¿vuelo \"de\" prueba?", Flags = i % 4 == 0 ? ["Unauthenticated", "OperatorTooFar"] : [] } : null,
                    ClientId = i % 3 == 0 ? null : "client-" + i,
                },
                i == 1 ? null : new byte[] { 0, 1, 2, 255, (byte)i }));
        }

        return list;
    }

    public static TrackSnapshot Track(long id, double seconds, TrackStatus status = TrackStatus.Confirmed) => new()
    {
        TrackId = id,
        Time = At(seconds),
        Status = status,
        Position = new EnuVector(100.0 / 3.0, -0.0, 120.5 + seconds),
        Velocity = new EnuVector(1e-300, 2.5, -1.0 / 9.0),
        PositionCovariance = Covariance(9, 16, 25),
        UasId = id % 2 == 0 ? "UAS-" + id : null,
        OperatorPosition = id % 2 == 0 ? new GeoPosition(40.5, -3.25, 600.0 / 7.0) : null,
        FirstSeen = At(0.5),
        LastUpdate = At(seconds - 0.25),
        UpdateCount = 7 + (int)seconds,
        ManoeuvreProbability = 0.1 + (seconds / 1000.0),
    };
}
