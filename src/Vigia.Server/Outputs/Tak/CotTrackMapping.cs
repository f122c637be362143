using Vigia.Alerting.Cot;
using Vigia.Core.Geodesy;
using Vigia.Core.Tracks;

namespace Vigia.Server.Outputs.Tak;

/// <summary>Turns a tracker snapshot (picture-frame ENU) into the <see cref="CotTrack"/> the CoT builder takes.</summary>
public static class CotTrackMapping
{
    /// <summary>
    /// The CoT view of <paramref name="snapshot"/>: WGS-84 position (ellipsoidal height), course and speed from
    /// the ENU velocity, 1-sigma errors from the ENU covariance (<see cref="CotUncertainty"/>). The picture
    /// frame's north is used for the course; within the tens of kilometres a site covers it differs from true
    /// north at the track by well under a degree.
    /// </summary>
    public static CotTrack ToCotTrack(TrackSnapshot snapshot, LocalTangentPlane frame, bool allowListed, bool exercise)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var v = snapshot.Velocity;
        var speed = v.HorizontalLength;
        var course = Math.Atan2(v.EastMeters, v.NorthMeters) * 180.0 / Math.PI;
        return new CotTrack
        {
            TrackId = snapshot.TrackId,
            Time = snapshot.Time,
            Position = frame.ToGeodetic(snapshot.Position),
            CourseDegrees = v.IsFinite ? (course < 0 ? course + 360.0 : course) : null,
            SpeedMetersPerSecond = v.IsFinite ? speed : null,
            HorizontalErrorMeters = CotUncertainty.HorizontalSigmaMeters(snapshot.PositionCovariance),
            VerticalErrorMeters = CotUncertainty.VerticalSigmaMeters(snapshot.PositionCovariance),
            UasId = snapshot.UasId,
            AircraftType = snapshot.Identity?.AircraftType,
            AllowListed = allowListed,
            OperatorPosition = snapshot.OperatorPosition,
            Exercise = exercise,
        };
    }
}
