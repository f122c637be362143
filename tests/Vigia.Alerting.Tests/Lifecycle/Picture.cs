using Vigia.Alerting.Lifecycle;
using Vigia.Alerting.Rules;
using Vigia.Alerting.Zones;
using Vigia.Core.Geodesy;
using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Core.Tracks;

namespace Vigia.Alerting.Tests.Lifecycle;

/// <summary>A picture frame at La Romera with a 500 m circular village zone (1 km buffer) at its origin, and track builders.</summary>
internal static class Picture
{
    public static readonly GeoPosition Origin = new(19.0456, -102.7878, 400);

    public static readonly LocalTangentPlane Frame = new(Origin);

    public static readonly Timestamp T0 = Timestamp.FromUnixSeconds(1_764_000_000);

    public static ProtectedZone Village(string id = "la-romera", double radius = 500, double buffer = 1000, double eastOffset = 0)
    {
        var centre = Frame.ToGeodetic(new EnuVector(eastOffset, 0, 0));
        return new ProtectedZone(id, "La Romera", ZoneKind.Village,
            new CircleShape(new GeoPoint(centre.LatitudeDegrees, centre.LongitudeDegrees), radius),
            new AltitudeBand(0, 5000, ZoneHeightReference.Ellipsoid), buffer);
    }

    public static AlertEngine Engine(ThreatRuleOptions? options = null, params ProtectedZone[] zones) =>
        new(options ?? new ThreatRuleOptions(), Frame, (zones.Length == 0 ? [Village()] : zones).Select(z => new ZoneContext(z)));

    public static TrackSnapshot Track(
        long id, double east, double north, double ve = 0, double vn = 0, double t = 0,
        string? uasId = null, int updates = 10, TrackStatus status = TrackStatus.Confirmed, BroadcastIdentity? identity = null) => new()
        {
            TrackId = id,
            Time = T0.AddSeconds(t),
            Status = status,
            Position = new EnuVector(east, north, 100),
            Velocity = new EnuVector(ve, vn, 0),
            PositionCovariance = Matrix3x3.Diagonal(100, 100, 400),
            UasId = uasId,
            Identity = identity,
            LastUpdate = T0.AddSeconds(t),
            FirstSeen = T0,
            UpdateCount = updates,
        };

    public static Timestamp At(double seconds) => T0.AddSeconds(seconds);
}
