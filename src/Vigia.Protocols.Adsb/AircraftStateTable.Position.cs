using Vigia.Core.Time;

namespace Vigia.Protocols.Adsb;

/// <summary>CPR position resolution for one aircraft (DO-260B §A.1.7; reasonableness tests after §A.1.7.10's advice).</summary>
public sealed partial class AircraftStateTable
{
    private const double EarthRadiusMeters = 6_371_000.0;
    private const double SlowSurfaceSpeedKnots = 25.0;
    private const double HalfAirborneZoneMeters = 180 * AircraftStateOptions.MetersPerNauticalMile;
    private const double AirborneZoneMeters = 360 * AircraftStateOptions.MetersPerNauticalMile;
    private const double DefaultAirborneSpeedKnots = 600;
    private const double MinAirborneSpeedKnots = 200;
    private const double DefaultSurfaceSpeedKnots = 100;
    private const double MinSurfaceSpeedKnots = 20;
    private const double MaxSurfaceSpeedKnots = 150;
    private const double AirborneSpeedCheckBaseMeters = 500;
    private const double SurfaceSpeedCheckBaseMeters = 100;

    /// <summary>Stores the frame, then tries global, then local decoding; fills <paramref name="position"/> on success.</summary>
    private AircraftChanges ResolvePosition(ref Entry entry, CprFrame frame, CprFormat format, byte typeCode, double? surfaceSpeedKnots, ref AircraftPosition position)
    {
        // Taking off or landing makes the stored frame of the other kind useless for a pair.
        if (entry.State.OnGround != frame.Surface)
        {
            entry.Even = entry.Odd = default;
            entry.State = entry.State with { OnGround = frame.Surface };
        }

        if (format == CprFormat.Odd)
        {
            entry.Odd = frame;
        }
        else
        {
            entry.Even = frame;
        }

        var other = format == CprFormat.Odd ? entry.Even : entry.Odd;
        var window = !frame.Surface ? _options.AirbornePairWindow
            : surfaceSpeedKnots is <= SlowSurfaceSpeedKnots ? _options.SlowSurfacePairWindow
            : _options.SurfacePairWindow;
        var method = PositionMethod.None;
        double lat = 0, lon = 0;
        if (other.Valid && other.Surface == frame.Surface && Math.Abs(frame.Time.SecondsSince(other.Time)) <= window.TotalSeconds)
        {
            switch (TryGlobal(ref entry, format, frame.Surface, frame.Time, out lat, out lon))
            {
                case GlobalResult.Resolved:
                    method = PositionMethod.Global;
                    Counters.GlobalPositions++;
                    break;
                case GlobalResult.Rejected:
                    // Bad data (DO-260B §A.1.7.10 reasonableness): forget both frames and the reference.
                    Counters.GlobalRejected++;
                    Counters.PositionsUnresolved++;
                    entry.Even = entry.Odd = default;
                    entry.PositionReliable = false;
                    return AircraftChanges.None;
                default:
                    Counters.GlobalSkipped++;
                    break;
            }
        }

        if (method == PositionMethod.None && TryLocal(entry, frame, format, out lat, out lon, out method))
        {
            Counters.LocalPositions++;
        }

        if (method == PositionMethod.None)
        {
            Counters.PositionsUnresolved++;
            return AircraftChanges.None;
        }

        position = new AircraftPosition
        {
            LatitudeDegrees = lat,
            LongitudeDegrees = lon,
            Time = frame.Time,
            Method = method,
            IsSurface = frame.Surface,
            TypeCode = typeCode,
        };
        entry.State = entry.State with { Position = position };
        entry.PositionReliable = true;
        return AircraftChanges.Position;
    }

    private GlobalResult TryGlobal(ref Entry entry, CprFormat newer, bool surface, Timestamp newerTime, out double lat, out double lon)
    {
        bool ok;
        if (surface)
        {
            if (!TrySurfaceReference(entry, out var refLat, out var refLon))
            {
                lat = lon = 0;
                return GlobalResult.Skipped;
            }

            ok = CprDecoder.TryDecodeGlobalSurface(
                entry.Even.EncodedLatitude, entry.Even.EncodedLongitude, entry.Odd.EncodedLatitude, entry.Odd.EncodedLongitude, newer, refLat, refLon, out lat, out lon);
        }
        else
        {
            ok = CprDecoder.TryDecodeGlobalAirborne(
                entry.Even.EncodedLatitude, entry.Even.EncodedLongitude, entry.Odd.EncodedLatitude, entry.Odd.EncodedLongitude, newer, out lat, out lon);
        }

        if (!ok)
        {
            return GlobalResult.Skipped;
        }

        return BeyondReceiverRange(lat, lon) || !PlausibleMove(entry, lat, lon, newerTime, surface) ? GlobalResult.Rejected : GlobalResult.Resolved;
    }

    /// <summary>
    /// The speed test of a global result against the last reliable position: it may lie at most 500 m (surface
    /// 100 m) plus the distance covered in the elapsed time + 1 s at 4/3 of the last ground speed (airborne at
    /// least 200 kt, 600 kt when unknown; surface 20–150 kt, 100 kt when unknown). A pair of frames from two
    /// different aircraft, or one frame with an undetected error, fails it (dump1090-mutability 1.15 applies the
    /// same test, which the reference outputs show).
    /// </summary>
    private static bool PlausibleMove(in Entry entry, double lat, double lon, Timestamp time, bool surface)
    {
        if (!entry.PositionReliable || entry.State.Position is not { } last)
        {
            return true;
        }

        var knots = entry.State.Velocity?.GroundSpeedKnots ?? (surface ? DefaultSurfaceSpeedKnots : DefaultAirborneSpeedKnots);
        knots = knots * 4.0 / 3.0;
        knots = surface ? Math.Clamp(knots, MinSurfaceSpeedKnots, MaxSurfaceSpeedKnots) : Math.Max(knots, MinAirborneSpeedKnots);
        var elapsed = Math.Max(0, time.SecondsSince(last.Time));
        var range = (surface ? SurfaceSpeedCheckBaseMeters : AirborneSpeedCheckBaseMeters) + ((elapsed + 1.0) * knots * AircraftStateOptions.MetersPerNauticalMile / 3600.0);
        return DistanceMeters(last.LatitudeDegrees, last.LongitudeDegrees, lat, lon) <= range;
    }

    private bool TryLocal(in Entry entry, CprFrame frame, CprFormat format, out double lat, out double lon, out PositionMethod method)
    {
        lat = lon = 0;
        method = PositionMethod.None;
        double refLat, refLon, limit;
        PositionMethod candidate;
        if (entry.PositionReliable && entry.State.Position is { } last
            && frame.Time.SecondsSince(last.Time) is var elapsed && elapsed <= _options.LocalReferenceMaxAge.TotalSeconds)
        {
            (refLat, refLon) = (last.LatitudeDegrees, last.LongitudeDegrees);
            limit = _options.LocalDecodeBaseRangeMeters + (_options.LocalDecodeMaxSpeedMetersPerSecond * Math.Max(0, elapsed));
            candidate = PositionMethod.LocalToAircraft;
        }
        else if (!frame.Surface && _options.HasReceiver && ReceiverLocalLimit() is > 0 and var receiverLimit)
        {
            (refLat, refLon) = (_options.ReceiverLatitudeDegrees!.Value, _options.ReceiverLongitudeDegrees!.Value);
            limit = receiverLimit;
            candidate = PositionMethod.LocalToReceiver;
        }
        else
        {
            return false;
        }

        CprDecoder.DecodeLocal(frame.EncodedLatitude, frame.EncodedLongitude, format, frame.Surface, refLat, refLon, out lat, out lon);
        if (DistanceMeters(refLat, refLon, lat, lon) > limit || BeyondReceiverRange(lat, lon))
        {
            return false;
        }

        method = candidate;
        return true;
    }

    /// <summary>How far from the receiver a receiver-relative local decode is unambiguous (see <see cref="AircraftStateOptions.ReceiverMaxRangeMeters"/>).</summary>
    private double ReceiverLocalLimit()
    {
        var range = _options.ReceiverMaxRangeMeters;
        return range <= HalfAirborneZoneMeters ? range : AirborneZoneMeters - range;
    }

    private bool TrySurfaceReference(in Entry entry, out double lat, out double lon)
    {
        if (entry.PositionReliable && entry.State.Position is { } last)
        {
            (lat, lon) = (last.LatitudeDegrees, last.LongitudeDegrees);
            return true;
        }

        if (_options.HasReceiver)
        {
            (lat, lon) = (_options.ReceiverLatitudeDegrees!.Value, _options.ReceiverLongitudeDegrees!.Value);
            return true;
        }

        lat = lon = 0;
        return false;
    }

    private bool BeyondReceiverRange(double lat, double lon) =>
        _options.HasReceiver && _options.ReceiverMaxRangeMeters > 0
        && DistanceMeters(_options.ReceiverLatitudeDegrees!.Value, _options.ReceiverLongitudeDegrees!.Value, lat, lon) > _options.ReceiverMaxRangeMeters;

    /// <summary>Great-circle distance on a sphere of the mean Earth radius (haversine); good to about 0.5 % for range checks.</summary>
    internal static double DistanceMeters(double lat1, double lon1, double lat2, double lon2)
    {
        const double toRadians = Math.PI / 180.0;
        var dLat = (lat2 - lat1) * toRadians;
        var dLon = (lon2 - lon1) * toRadians;
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(lat1 * toRadians) * Math.Cos(lat2 * toRadians) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1.0, Math.Sqrt(a)));
    }

    private enum GlobalResult
    {
        Skipped,
        Resolved,
        Rejected,
    }
}
