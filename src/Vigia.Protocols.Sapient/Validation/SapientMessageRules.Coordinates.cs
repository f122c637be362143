using Google.Protobuf;
using SapientMsg.BsiFlex335V20;
using SapientTask = SapientMsg.BsiFlex335V20.Task;

namespace Vigia.Protocols.Sapient.Validation;

/// <summary>Coordinates: values finite and inside the domain of the units the message declares for them.</summary>
internal static partial class SapientMessageRules
{
    private const string NotFinite = "must be a finite number";
    private const string NegativeError = "an error or extent must be finite and not negative";

    private static bool CheckLocation(IMessage message, ref ValidationWalk walk)
    {
        var location = (Location)message;
        if (!Finite(location.HasX, location.X, "x", ref walk) || !Finite(location.HasY, location.Y, "y", ref walk) || !Finite(location.HasZ, location.Z, "z", ref walk)
            || !Error(location.HasXError, location.XError, "x_error", ref walk) || !Error(location.HasYError, location.YError, "y_error", ref walk)
            || !Error(location.HasZError, location.ZError, "z_error", ref walk))
        {
            return false;
        }

        // x is longitude and y latitude in the geographic systems; UTM eastings/northings are not range-checked
        // (the Dstl examples put latitude/longitude values under UTM units).
        var (maxLatitude, maxLongitude, unit) = location.CoordinateSystem switch
        {
            LocationCoordinateSystem.LatLngDegM => (90.0, 180.0, "degrees"),
            LocationCoordinateSystem.LatLngRadM => (Math.PI / 2, Math.PI, "radians"),
            _ => (double.PositiveInfinity, double.PositiveInfinity, string.Empty),
        };
        if (location.HasY && Math.Abs(location.Y) > maxLatitude
            && !walk.Fail(SapientRule.ValueOutOfRange, "y", unit == "degrees" ? "latitude in degrees must lie in -90..90" : "latitude in radians must lie in -π/2..π/2"))
        {
            return false;
        }

        return !(location.HasX && Math.Abs(location.X) > maxLongitude)
            || walk.Fail(SapientRule.ValueOutOfRange, "x", unit == "degrees" ? "longitude in degrees must lie in -180..180" : "longitude in radians must lie in -π..π");
    }

    private static bool CheckRangeBearing(IMessage message, ref ValidationWalk walk)
    {
        var rb = (RangeBearing)message;
        return Finite(rb.HasAzimuth, rb.Azimuth, "azimuth", ref walk) && Finite(rb.HasElevation, rb.Elevation, "elevation", ref walk)
            && Finite(rb.HasRange, rb.Range, "range", ref walk)
            && Error(rb.HasAzimuthError, rb.AzimuthError, "azimuth_error", ref walk) && Error(rb.HasElevationError, rb.ElevationError, "elevation_error", ref walk)
            && Error(rb.HasRangeError, rb.RangeError, "range_error", ref walk)
            && Angles(rb.CoordinateSystem, rb.HasAzimuth, rb.Azimuth, rb.HasElevation, rb.Elevation, rb.HasRange, rb.Range, ref walk);
    }

    private static bool CheckRangeBearingCone(IMessage message, ref ValidationWalk walk)
    {
        var cone = (RangeBearingCone)message;
        return Finite(cone.HasAzimuth, cone.Azimuth, "azimuth", ref walk) && Finite(cone.HasElevation, cone.Elevation, "elevation", ref walk)
            && Finite(cone.HasRange, cone.Range, "range", ref walk)
            && Error(cone.HasHorizontalExtent, cone.HorizontalExtent, "horizontal_extent", ref walk)
            && Error(cone.HasVerticalExtent, cone.VerticalExtent, "vertical_extent", ref walk)
            && Error(cone.HasAzimuthError, cone.AzimuthError, "azimuth_error", ref walk) && Error(cone.HasElevationError, cone.ElevationError, "elevation_error", ref walk)
            && Error(cone.HasRangeError, cone.RangeError, "range_error", ref walk)
            && Angles(cone.CoordinateSystem, cone.HasAzimuth, cone.Azimuth, cone.HasElevation, cone.Elevation, cone.HasRange, cone.Range, ref walk);
    }

    private static bool Angles(
        RangeBearingCoordinateSystem system, bool hasAzimuth, double azimuth, bool hasElevation, double elevation, bool hasRange, double range, ref ValidationWalk walk)
    {
        var degrees = system is RangeBearingCoordinateSystem.DegreesM or RangeBearingCoordinateSystem.DegreesKm;
        var radians = system is RangeBearingCoordinateSystem.RadiansM or RangeBearingCoordinateSystem.RadiansKm;
        if (hasAzimuth && ((degrees && Math.Abs(azimuth) > 360) || (radians && Math.Abs(azimuth) > 2 * Math.PI))
            && !walk.Fail(SapientRule.ValueOutOfRange, "azimuth", degrees ? "azimuth in degrees must lie in -360..360" : "azimuth in radians must lie in -2π..2π"))
        {
            return false;
        }

        if (hasElevation && ((degrees && Math.Abs(elevation) > 90) || (radians && Math.Abs(elevation) > Math.PI / 2))
            && !walk.Fail(SapientRule.ValueOutOfRange, "elevation", degrees ? "elevation in degrees must lie in -90..90" : "elevation in radians must lie in -π/2..π/2"))
        {
            return false;
        }

        return !(hasRange && range < 0) || walk.Fail(SapientRule.ValueOutOfRange, "range", "a range may not be negative");
    }

    private static bool CheckTaskCommand(IMessage message, ref ValidationWalk walk)
    {
        var command = (SapientTask.Types.Command)message;
        return command.CommandCase switch
        {
            SapientTask.Types.Command.CommandOneofCase.Request when string.IsNullOrWhiteSpace(command.Request) =>
                walk.Fail(SapientRule.MissingField, "request", "a request command needs its request text"),
            SapientTask.Types.Command.CommandOneofCase.ModeChange when string.IsNullOrWhiteSpace(command.ModeChange) =>
                walk.Fail(SapientRule.MissingField, "mode_change", "a mode change needs the mode name"),
            SapientTask.Types.Command.CommandOneofCase.DetectionThreshold when command.DetectionThreshold == SapientTask.Types.DiscreteThreshold.Unspecified =>
                walk.Fail(SapientRule.MissingField, "detection_threshold", "may not be UNSPECIFIED"),
            SapientTask.Types.Command.CommandOneofCase.DetectionReportRate when command.DetectionReportRate == SapientTask.Types.DiscreteThreshold.Unspecified =>
                walk.Fail(SapientRule.MissingField, "detection_report_rate", "may not be UNSPECIFIED"),
            SapientTask.Types.Command.CommandOneofCase.ClassificationThreshold when command.ClassificationThreshold == SapientTask.Types.DiscreteThreshold.Unspecified =>
                walk.Fail(SapientRule.MissingField, "classification_threshold", "may not be UNSPECIFIED"),
            _ => true,
        };
    }

    private static bool Finite(bool has, double value, string field, ref ValidationWalk walk) =>
        !has || double.IsFinite(value) || walk.Fail(SapientRule.NonFiniteValue, field, NotFinite);

    private static bool Error(bool has, double value, string field, ref ValidationWalk walk)
    {
        if (!has)
        {
            return true;
        }

        if (!double.IsFinite(value))
        {
            return walk.Fail(SapientRule.NonFiniteValue, field, NotFinite);
        }

        return value >= 0 || walk.Fail(SapientRule.ValueOutOfRange, field, NegativeError);
    }
}
