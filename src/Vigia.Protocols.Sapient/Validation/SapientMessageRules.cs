using Google.Protobuf;
using SapientMsg.BsiFlex335V20;

namespace Vigia.Protocols.Sapient.Validation;

/// <summary>
/// Message-specific rules beyond mandatory fields and ID formats: the ICD version, units that agree with their
/// datum and with the values they qualify, confidences in 0..1, and task commands with content.
/// </summary>
/// <remarks>Each rule reports fields relative to the message it checks. Thread-safety: stateless.</remarks>
internal static partial class SapientMessageRules
{
    private const string Package = "sapient_msg.bsi_flex_335_v2_0.";
    private const string ConfidenceRange = "must lie in 0..1";

    private static readonly Dictionary<string, MessageRule> Rules = new(StringComparer.Ordinal)
    {
        [Package + "Registration"] = CheckRegistration,
        [Package + "Registration.StatusDefinition"] = CheckStatusDefinition,
        [Package + "Registration.DetectionDefinition"] = CheckDetectionDefinition,
        [Package + "Registration.RegionDefinition"] = CheckRegionDefinition,
        [Package + "Registration.LocationType"] = CheckLocationType,
        [Package + "Registration.VelocityType"] = CheckVelocityType,
        [Package + "Registration.Duration"] = CheckDuration,
        [Package + "Location"] = CheckLocation,
        [Package + "RangeBearing"] = CheckRangeBearing,
        [Package + "RangeBearingCone"] = CheckRangeBearingCone,
        [Package + "DetectionReport"] = CheckDetectionReport,
        [Package + "DetectionReport.DetectionReportClassification"] = CheckClassification,
        [Package + "DetectionReport.SubClass"] = CheckSubClass,
        [Package + "DetectionReport.Behaviour"] = CheckBehaviour,
        [Package + "Alert"] = CheckAlert,
        [Package + "Task.Command"] = CheckTaskCommand,
    };

    /// <summary>The rule for a message type, or null.</summary>
    public static MessageRule? For(string fullName) => Rules.GetValueOrDefault(fullName);

    private static bool CheckRegistration(IMessage message, ref ValidationWalk walk)
    {
        var registration = (Registration)message;
        return !registration.HasIcdVersion || string.IsNullOrWhiteSpace(registration.IcdVersion)
            || SapientIcdVersion.IsSupported(registration.IcdVersion)
            || walk.Fail(SapientRule.UnsupportedIcdVersion, "icd_version", "must be \"" + SapientIcdVersion.BsiFlex335V20 + "\"");
    }

    private static bool CheckStatusDefinition(IMessage message, ref ValidationWalk walk)
    {
        // The node's own location cannot be given relative to the node: location units only. Like the harness,
        // only the areas (not the node location) need a UTM zone.
        var definition = (Registration.Types.StatusDefinition)message;
        var location = definition.LocationDefinition;
        if (location is not null
            && (location.CoordinatesOneofCase == Registration.Types.LocationType.CoordinatesOneofOneofCase.RangeBearingUnits
                || location.DatumOneofCase == Registration.Types.LocationType.DatumOneofOneofCase.RangeBearingDatum)
            && !walk.Fail(SapientRule.InconsistentUnits, "location_definition", "the node location must use location units and datum, not range-bearing"))
        {
            return false;
        }

        return UtmZone(definition.CoverageDefinition, "coverage_definition", -1, ref walk)
            && UtmZone(definition.ObscurationDefinition, "obscuration_definition", -1, ref walk)
            && UtmZone(definition.FieldOfViewDefinition, "field_of_view_definition", -1, ref walk);
    }

    private static bool CheckDetectionDefinition(IMessage message, ref ValidationWalk walk) =>
        UtmZone(((Registration.Types.DetectionDefinition)message).LocationType, "location_type", -1, ref walk);

    private static bool CheckRegionDefinition(IMessage message, ref ValidationWalk walk)
    {
        var areas = ((Registration.Types.RegionDefinition)message).RegionArea;
        for (var i = 0; i < areas.Count; i++)
        {
            if (!UtmZone(areas[i], "region_area", i, ref walk))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An area given in UTM units needs its zone (the harness's LocationType rule for areas).</summary>
    private static bool UtmZone(Registration.Types.LocationType? type, string field, int index, ref ValidationWalk walk)
    {
        if (type is null || type.CoordinatesOneofCase != Registration.Types.LocationType.CoordinatesOneofOneofCase.LocationUnits
            || type.LocationUnits != LocationCoordinateSystem.UtmM || !string.IsNullOrWhiteSpace(type.Zone) || !walk.TryPush(field, index))
        {
            return true;
        }

        var goOn = walk.Fail(SapientRule.MissingUtmZone, "zone", "UTM units need the UTM zone");
        walk.Pop();
        return goOn;
    }

    private static bool CheckLocationType(IMessage message, ref ValidationWalk walk)
    {
        var type = (Registration.Types.LocationType)message;
        var locationUnits = type.CoordinatesOneofCase == Registration.Types.LocationType.CoordinatesOneofOneofCase.LocationUnits;
        var locationDatum = type.DatumOneofCase == Registration.Types.LocationType.DatumOneofOneofCase.LocationDatum;
        if (type.CoordinatesOneofCase != Registration.Types.LocationType.CoordinatesOneofOneofCase.None
            && type.DatumOneofCase != Registration.Types.LocationType.DatumOneofOneofCase.None
            && locationUnits != locationDatum
            && !walk.Fail(SapientRule.InconsistentUnits, locationUnits ? "range_bearing_datum" : "location_datum", "units and datum must both be location or both range-bearing"))
        {
            return false;
        }

        var unitsUnspecified = type.CoordinatesOneofCase switch
        {
            Registration.Types.LocationType.CoordinatesOneofOneofCase.LocationUnits => type.LocationUnits == LocationCoordinateSystem.Unspecified,
            Registration.Types.LocationType.CoordinatesOneofOneofCase.RangeBearingUnits => type.RangeBearingUnits == RangeBearingCoordinateSystem.Unspecified,
            _ => false,
        };
        if (unitsUnspecified && !walk.Fail(SapientRule.MissingField, locationUnits ? "location_units" : "range_bearing_units", "may not be UNSPECIFIED"))
        {
            return false;
        }

        var datumUnspecified = type.DatumOneofCase switch
        {
            Registration.Types.LocationType.DatumOneofOneofCase.LocationDatum => type.LocationDatum == LocationDatum.Unspecified,
            Registration.Types.LocationType.DatumOneofOneofCase.RangeBearingDatum => type.RangeBearingDatum == RangeBearingDatum.Unspecified,
            _ => false,
        };
        return !datumUnspecified || walk.Fail(SapientRule.MissingField, locationDatum ? "location_datum" : "range_bearing_datum", "may not be UNSPECIFIED");
    }

    private static bool CheckVelocityType(IMessage message, ref ValidationWalk walk)
    {
        var type = (Registration.Types.VelocityType)message;
        return type.DatumOneofCase switch
        {
            Registration.Types.VelocityType.DatumOneofOneofCase.LocationDatum when type.LocationDatum == LocationDatum.Unspecified =>
                walk.Fail(SapientRule.MissingField, "location_datum", "may not be UNSPECIFIED"),
            Registration.Types.VelocityType.DatumOneofOneofCase.RangeBearingDatum when type.RangeBearingDatum == RangeBearingDatum.Unspecified =>
                walk.Fail(SapientRule.MissingField, "range_bearing_datum", "may not be UNSPECIFIED"),
            _ => true,
        };
    }

    private static bool CheckDuration(IMessage message, ref ValidationWalk walk)
    {
        var duration = (Registration.Types.Duration)message;
        return !duration.HasValue || (float.IsFinite(duration.Value) && duration.Value >= 0)
            || walk.Fail(SapientRule.ValueOutOfRange, "value", "a duration must be finite and not negative");
    }

    private static bool CheckDetectionReport(IMessage message, ref ValidationWalk walk)
    {
        var report = (DetectionReport)message;
        return !report.HasDetectionConfidence || IsScalar(report.DetectionConfidence)
            || walk.Fail(SapientRule.ValueOutOfRange, "detection_confidence", ConfidenceRange);
    }

    private static bool CheckClassification(IMessage message, ref ValidationWalk walk)
    {
        var classification = (DetectionReport.Types.DetectionReportClassification)message;
        return !classification.HasConfidence || IsScalar(classification.Confidence)
            || walk.Fail(SapientRule.ValueOutOfRange, "confidence", ConfidenceRange);
    }

    private static bool CheckSubClass(IMessage message, ref ValidationWalk walk)
    {
        var subClass = (DetectionReport.Types.SubClass)message;
        return !subClass.HasConfidence || IsScalar(subClass.Confidence)
            || walk.Fail(SapientRule.ValueOutOfRange, "confidence", ConfidenceRange);
    }

    private static bool CheckBehaviour(IMessage message, ref ValidationWalk walk)
    {
        var behaviour = (DetectionReport.Types.Behaviour)message;
        return !behaviour.HasConfidence || IsScalar(behaviour.Confidence)
            || walk.Fail(SapientRule.ValueOutOfRange, "confidence", ConfidenceRange);
    }

    private static bool CheckAlert(IMessage message, ref ValidationWalk walk)
    {
        var alert = (Alert)message;
        if (alert.HasRanking && !IsScalar(alert.Ranking) && !walk.Fail(SapientRule.ValueOutOfRange, "ranking", ConfidenceRange))
        {
            return false;
        }

        return !alert.HasConfidence || IsScalar(alert.Confidence) || walk.Fail(SapientRule.ValueOutOfRange, "confidence", ConfidenceRange);
    }

    private static bool IsScalar(float value) => value is >= 0f and <= 1f;
}
