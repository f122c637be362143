using Vigia.Core.Observations;
using Vigia.Core.Time;

namespace Vigia.Server.Pipeline;

/// <summary>
/// Out-of-order observations inside the reorder window: the tracker only moves forward in time, so such
/// an observation is applied at the tracker's current time with its noise widened by how far an object
/// could have moved in the lag (speed bound × lag, added as a variance on every position axis; for
/// angles, that distance over the range, or over 500 m for a bearing without range). A crude but safe
/// out-of-sequence update: it can only make the tracker trust the late value less.
/// </summary>
public static class LateObservations
{
    private const double BearingReferenceRangeMeters = 500;

    /// <summary>
    /// The observation re-timed to <paramref name="at"/>, its covariance widened for the lag (either way: a
    /// late one, or one stamped slightly ahead of the server clock and re-timed back to it).
    /// </summary>
    public static Observation Widen(Observation observation, Timestamp at, double speedBoundMetersPerSecond)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var lag = Math.Abs(at.SecondsSince(observation.SensorTime));
        var d = speedBoundMetersPerSecond * lag;
        var m = observation.Measurement;
        var c = m.Covariance;
        double a0, a1, a2;
        switch (m.Kind)
        {
            case MeasurementKind.RangeAzimuthElevation:
                var angle = d / Math.Max(m.V0, 10);
                (a0, a1, a2) = (d * d, angle * angle, angle * angle);
                break;
            case MeasurementKind.Azimuth:
            case MeasurementKind.AzimuthElevation:
                var bearing = d / BearingReferenceRangeMeters;
                (a0, a1, a2) = (bearing * bearing, bearing * bearing, 0);
                break;
            default:
                (a0, a1, a2) = (d * d, d * d, d * d);
                break;
        }

        var widened = c with { M11 = c.M11 + a0, M22 = c.M22 + a1, M33 = c.M33 + a2 };
        return observation with
        {
            SensorTime = at,
            Measurement = new Measurement(m.Kind, m.V0, m.V1, m.V2, widened, m.SensorPosition),
        };
    }
}
