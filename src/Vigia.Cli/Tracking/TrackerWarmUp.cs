using Vigia.Core.Geodesy;
using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Core.Tracks;
using Vigia.Tracking.Trackers;

namespace Vigia.Cli.Tracking;

/// <summary>
/// Compiles the tracker's code paths before a timed run by tracking a few synthetic targets with
/// every measurement kind the scenario uses, on a throw-away tracker. The JIT compiles each method
/// once per process, so without this the first scans would time the compiler, not the tracker.
/// Uses no scenario data beyond the sensor list.
/// </summary>
internal static class TrackerWarmUp
{
    public static void Run(TrackerOptions options, IEnumerable<MeasurementKind> kinds)
    {
        var tracker = new MultiTargetTracker(options);
        var radar = new SensorId("warm-up-radar");
        var position = new SensorId("warm-up-position");
        var useRadar = kinds.Contains(MeasurementKind.RangeAzimuthElevation);
        var usePosition = kinds.Contains(MeasurementKind.EnuPosition);
        var observations = new List<Observation>();
        var snapshots = new List<TrackSnapshot>();
        for (var scan = 0; scan < 8; scan++)
        {
            var time = Timestamp.FromUnixSeconds(scan);
            observations.Clear();
            for (var target = 0; target < 4; target++)
            {
                var p = new EnuVector(500 + (300 * target) + (10 * scan), 800 - (5 * scan), 100 + target);
                var range = p.Length;
                var azimuth = Math.Atan2(p.EastMeters, p.NorthMeters);
                var elevation = Math.Asin(p.UpMeters / range);
                if (useRadar || !usePosition)
                {
                    observations.Add(new Observation
                    {
                        Sensor = radar,
                        SensorTime = time,
                        ReceiveTime = time,
                        Measurement = Measurement.RangeAzimuthElevation(range, azimuth < 0 ? azimuth + (2 * Math.PI) : azimuth, elevation, Matrix3x3.Diagonal(25, 7.6e-5, 7.6e-5), EnuVector.Zero),
                    });
                }

                if (usePosition && target % 2 == 0)
                {
                    observations.Add(new Observation
                    {
                        Sensor = position,
                        SensorTime = time,
                        ReceiveTime = time,
                        Measurement = Measurement.EnuPosition(p, Matrix3x3.Diagonal(9, 9, 9)),
                        UasId = target == 0 ? "WARM-UP" : null,
                    });
                }
            }

            tracker.Step(time, observations.ToArray());
            snapshots.Clear();
            tracker.GetDisplayedTracks(time, snapshots);
        }
    }
}
