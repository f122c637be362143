using Vigia.Core.Geodesy;
using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Scenarios.Format;

namespace Vigia.Scenarios.Simulation;

public sealed partial class ScenarioSimulator
{
    /// <summary>Values are written to 1 mm and 1e-7 rad, as in the shared scenarios.</summary>
    private const int MetreDecimals = 3;
    private const int RadianDecimals = 7;

    /// <summary>
    /// One radar scan at <paramref name="t"/>: each target in the field of view detected with
    /// probability Pd (range, compass azimuth and elevation plus Gaussian noise), Poisson clutter
    /// uniform in range × azimuth × elevation, in random order; and the truth sample of every target alive.
    /// </summary>
    private void RadarScan(double t)
    {
        var sigmaRange = _options.RangeSigmaMeters;
        var sigmaAngle = _options.AngleSigmaDegrees * Math.PI / 180;
        var covariance = Matrix3x3.Diagonal(sigmaRange * sigmaRange, sigmaAngle * sigmaAngle, sigmaAngle * sigmaAngle);
        var fov = _fieldOfView;
        _detections.Clear();
        foreach (var flight in _flights)
        {
            if (flight.Alive && flight.Route.TryState(t, out var p, out var v))
            {
                _writer.WriteTruthState(flight.Id, new TruthState(
                    t, Round(p.EastMeters, MetreDecimals), Round(p.NorthMeters, MetreDecimals), Round(p.UpMeters, MetreDecimals),
                    Round(v.EastMeters, MetreDecimals), Round(v.NorthMeters, MetreDecimals), Round(v.UpMeters, MetreDecimals)));
                if (Detect(p, fov, sigmaRange, sigmaAngle, covariance) is { } plot)
                {
                    _detections.Add((plot, flight.Id));
                }
            }
        }

        foreach (var target in _population.Slots)
        {
            if (target is null)
            {
                continue;
            }

            _writer.WriteTruthState(target.Id, new TruthState(
                t, Round(target.East, MetreDecimals), Round(target.North, MetreDecimals), Round(target.Up, MetreDecimals),
                Round(target.VEast, MetreDecimals), Round(target.VNorth, MetreDecimals), Round(target.VUp, MetreDecimals)));

            var horizontal = target.HorizontalRange;
            var range = Math.Sqrt((horizontal * horizontal) + (target.Up * target.Up));
            var elevation = Math.Atan2(target.Up, horizontal);
            var inView = range >= fov.RangeMinMeters && range <= fov.RangeMaxMeters
                && elevation >= fov.ElevationMinRadians && elevation <= fov.ElevationMaxRadians;
            if (!inView || !_radar.Bernoulli(_options.DetectionProbability))
            {
                continue;
            }

            var azimuth = Math.Atan2(target.East, target.North);
            _detections.Add((Plot(range + (sigmaRange * _radar.Gaussian()), azimuth + (sigmaAngle * _radar.Gaussian()), elevation + (sigmaAngle * _radar.Gaussian()), covariance), target.Id));
        }

        var clutter = _clutter.Poisson(_options.ClutterPerScan);
        for (var i = 0; i < clutter; i++)
        {
            _detections.Add((Plot(
                _clutter.Uniform(fov.RangeMinMeters, fov.RangeMaxMeters),
                _clutter.Uniform(fov.AzimuthMinRadians, fov.AzimuthMaxRadians),
                _clutter.Uniform(fov.ElevationMinRadians, fov.ElevationMaxRadians),
                covariance), null));
        }

        // Shuffle (Fisher–Yates) so that the order of a scan says nothing about which plots are clutter.
        for (var i = _detections.Count - 1; i > 0; i--)
        {
            var j = _clutter.NextInt(i + 1);
            (_detections[i], _detections[j]) = (_detections[j], _detections[i]);
        }

        _writer.BeginScan(t, RadarId);
        foreach (var (measurement, truthId) in _detections)
        {
            _writer.WriteDetection(measurement, truthId);
        }

        _writer.EndScan();
        _radarDetections += _detections.Count;
        _clutterDetections += clutter;
    }

    /// <summary>Remote ID reports at <paramref name="t"/>: each broadcasting target received with probability rid_pd.</summary>
    private void RemoteIdScan(double t)
    {
        var sigma = _options.RidSigmaMeters;
        var covariance = Matrix3x3.Diagonal(sigma * sigma, sigma * sigma, sigma * sigma);
        _writer.BeginScan(t, RemoteIdId);
        foreach (var flight in _flights)
        {
            if (!flight.Alive || flight.Target.UasId is not { } uasId || !flight.Route.TryState(t, out var p, out _)
                || !_remoteId.Bernoulli(_options.RidReceptionProbability))
            {
                continue;
            }

            var reported = new EnuVector(
                Round(p.EastMeters + (sigma * _remoteId.Gaussian()), MetreDecimals),
                Round(p.NorthMeters + (sigma * _remoteId.Gaussian()), MetreDecimals),
                Round(p.UpMeters + (sigma * _remoteId.Gaussian()), MetreDecimals));
            _writer.WriteDetection(Measurement.EnuPosition(reported, covariance), flight.Id, uasId);
            _remoteIdReports++;
        }

        foreach (var target in _population.Slots)
        {
            if (target is null || !target.Broadcasts || !_remoteId.Bernoulli(_options.RidReceptionProbability))
            {
                continue;
            }

            var position = new EnuVector(
                Round(target.East + (sigma * _remoteId.Gaussian()), MetreDecimals),
                Round(target.North + (sigma * _remoteId.Gaussian()), MetreDecimals),
                Round(target.Up + (sigma * _remoteId.Gaussian()), MetreDecimals));
            _writer.WriteDetection(Measurement.EnuPosition(position, covariance), target.Id, RandomPopulation.UasId(target.Id));
            _remoteIdReports++;
        }

        _writer.EndScan();
    }

    private static Measurement Plot(double range, double azimuth, double elevation, Matrix3x3 covariance)
    {
        var a = azimuth % (2 * Math.PI);
        a = Round(a < 0 ? a + (2 * Math.PI) : a, RadianDecimals);
        a = a >= 2 * Math.PI ? 0 : a;
        return Measurement.RangeAzimuthElevation(Round(range, MetreDecimals), a, Round(elevation, RadianDecimals), covariance, EnuVector.Zero);
    }

    private static double Round(double value, int decimals) => Math.Round(value, decimals, MidpointRounding.ToEven);
}
