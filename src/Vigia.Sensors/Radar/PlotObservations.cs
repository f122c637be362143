using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Protocols.Asterix.Cat048;

namespace Vigia.Sensors.Radar;

/// <summary>
/// CAT-048 plot → <see cref="MeasurementKind.RangeAzimuthElevation"/> observation from the radar's position in the
/// picture frame: slant range (I048/040 RHO), azimuth (THETA, corrected for north alignment and turned to the frame's
/// north), elevation from the Mode C / Mode S flight level (I048/090) when usable, else 0 with a wide sigma.
/// </summary>
/// <remarks>
/// The covariance is the radar's stated accuracy (<see cref="RadarSiteOptions"/>); the elevation sigma follows the
/// height sigma of a pressure altitude through the geometry. The Mode S address (I048/220) becomes the broadcast
/// identity <c>Icao:XXXXXX</c>, as ADS-B's. A radar plot carries no classification. Thread-safety: stateless.
/// </remarks>
internal static class PlotObservations
{
    /// <summary>The mean Earth radius used for the elevation geometry (straight lines in a local tangent frame), metres.</summary>
    private const double EarthRadiusMeters = 6_371_008.8;

    private const double FeetToMeters = 0.3048;

    public static RadarRejectReason? TryCreate(in Cat048Record plot, RadarSite site, RadarAdapterOptions options, Timestamp receiveTime, out Observation observation)
    {
        observation = null!;
        var descriptor = plot.TargetReportDescriptor;
        if (plot.MeasuredPosition is not { } position)
        {
            return RadarRejectReason.NoPosition;
        }

        if (descriptor?.DetectionType == Cat048DetectionType.NoDetection)
        {
            return RadarRejectReason.NoDetection;
        }

        if (descriptor is { IsSimulated: true } && !options.AcceptSimulated)
        {
            return RadarRejectReason.Simulated;
        }

        if (descriptor is { IsTest: true } && !options.AcceptTestTargets)
        {
            return RadarRejectReason.TestTarget;
        }

        if (plot.TimeOfDay is not { } timeOfDay)
        {
            return RadarRejectReason.NoTime;
        }

        if (site.PicturePosition is not { } sensorPosition)
        {
            return RadarRejectReason.NoPictureFrame;
        }

        var range = position.RangeMeters;
        var (elevation, elevationSigma) = Elevation(plot, site, options, range);
        var azimuth = NormaliseAzimuth(position.AzimuthRadians + site.AzimuthOffsetRadians);
        var covariance = Matrix3x3.Diagonal(
            site.RangeSigmaMeters * site.RangeSigmaMeters,
            site.AzimuthSigmaRadians * site.AzimuthSigmaRadians,
            elevationSigma * elevationSigma);
        observation = new Observation
        {
            Sensor = site.Sensor,
            SensorTime = TimeOfDayResolver.Resolve(timeOfDay, receiveTime),
            ReceiveTime = receiveTime,
            Measurement = Measurement.RangeAzimuthElevation(range, azimuth, elevation, covariance, sensorPosition),
            UasId = plot.AircraftAddress is { } address ? IcaoIdentity(address) : null,
        };
        return null;
    }

    /// <summary>The broadcast identity of a 24-bit Mode S address, as the ADS-B adapter writes it.</summary>
    public static string IcaoIdentity(uint address) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Icao:{address:X6}");

    /// <summary>
    /// Elevation above the radar's horizontal from slant range ρ and heights above a sphere of radius R:
    /// sin e = ((R + hₜ)² − ρ² − (R + hᵣ)²) / (2ρ(R + hᵣ)), hₜ the flight level's pressure altitude; σₑ = σₕ (R + hₜ) / (ρ (R + hᵣ) cos e).
    /// </summary>
    private static (double Elevation, double Sigma) Elevation(in Cat048Record plot, RadarSite site, RadarAdapterOptions options, double range)
    {
        var unknown = (0.0, options.UnknownElevationSigmaRadians);
        if (!options.ElevationFromFlightLevel || plot.FlightLevel is not { IsValidated: true, IsGarbled: false } flightLevel || range < 1)
        {
            return unknown;
        }

        var target = EarthRadiusMeters + (flightLevel.PressureAltitudeFeet * FeetToMeters);
        var radar = EarthRadiusMeters + site.Options.Position.HeightAboveEllipsoidMeters;
        var sine = ((target * target) - (range * range) - (radar * radar)) / (2 * range * radar);
        if (!(Math.Abs(sine) < 1))
        {
            return unknown;
        }

        var elevation = Math.Asin(sine);
        var sigma = options.FlightLevelHeightSigmaMeters * target / (range * radar * Math.Cos(elevation));
        return (elevation, Math.Min(Math.Max(sigma, site.AzimuthSigmaRadians), options.UnknownElevationSigmaRadians));
    }

    private static double NormaliseAzimuth(double radians)
    {
        var a = radians % (2 * Math.PI);
        return a < 0 ? a + (2 * Math.PI) : a;
    }
}
