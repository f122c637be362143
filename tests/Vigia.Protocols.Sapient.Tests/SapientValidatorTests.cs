using Google.Protobuf.WellKnownTypes;
using SapientMsg.BsiFlex335V20;
using Vigia.Protocols.Sapient.Validation;

namespace Vigia.Protocols.Sapient.Tests;

/// <summary>Single rules on messages built from the golden ones with one field broken.</summary>
public sealed class SapientValidatorTests
{
    [Theory]
    [InlineData(LocationCoordinateSystem.LatLngDegM, -102.8, 90.5, "y")]
    [InlineData(LocationCoordinateSystem.LatLngDegM, 180.5, 19.2, "x")]
    [InlineData(LocationCoordinateSystem.LatLngRadM, -1.79, 1.6, "y")]
    [InlineData(LocationCoordinateSystem.LatLngRadM, -3.2, 0.33, "x")]
    public void Location_OutsideTheDomainOfItsUnits_IsValueOutOfRange(LocationCoordinateSystem system, double x, double y, string field)
    {
        var message = GoldenFrames.Detection();
        message.DetectionReport.Location.CoordinateSystem = system;
        message.DetectionReport.Location.X = x;
        message.DetectionReport.Location.Y = y;

        AssertFirst(message, SapientRule.ValueOutOfRange, "detection_report.location." + field);
    }

    [Fact]
    public void Location_InRadiansAndInRange_IsValid()
    {
        var message = GoldenFrames.Detection();
        message.DetectionReport.Location.CoordinateSystem = LocationCoordinateSystem.LatLngRadM;
        message.DetectionReport.Location.X = -1.795;
        message.DetectionReport.Location.Y = 0.335;

        Assert.True(SapientValidator.TryValidate(message, out var violation), violation.Message);
    }

    [Fact]
    public void Location_NaNHeight_IsNonFiniteValue()
    {
        var message = GoldenFrames.Detection();
        message.DetectionReport.Location.Z = double.NaN;

        AssertFirst(message, SapientRule.NonFiniteValue, "detection_report.location.z");
    }

    [Fact]
    public void Location_NegativeError_IsValueOutOfRange()
    {
        var message = GoldenFrames.Detection();
        message.DetectionReport.Location.YError = -1;

        AssertFirst(message, SapientRule.ValueOutOfRange, "detection_report.location.y_error");
    }

    [Theory]
    [InlineData(RangeBearingCoordinateSystem.DegreesM, 45, 91, 100, "elevation")]
    [InlineData(RangeBearingCoordinateSystem.DegreesKm, 361, 0, 1, "azimuth")]
    [InlineData(RangeBearingCoordinateSystem.RadiansM, 6.3, 0, 100, "azimuth")]
    [InlineData(RangeBearingCoordinateSystem.RadiansKm, 1, 1.6, 1, "elevation")]
    [InlineData(RangeBearingCoordinateSystem.DegreesM, 45, 10, -1, "range")]
    public void RangeBearing_OutsideTheDomainOfItsUnits_IsValueOutOfRange(RangeBearingCoordinateSystem system, double azimuth, double elevation, double range, string field)
    {
        var message = GoldenFrames.Detection();
        message.DetectionReport.RangeBearing = new RangeBearing
        {
            Azimuth = azimuth,
            Elevation = elevation,
            Range = range,
            CoordinateSystem = system,
            Datum = RangeBearingDatum.True,
        };

        AssertFirst(message, SapientRule.ValueOutOfRange, "detection_report.range_bearing." + field);
    }

    [Fact]
    public void DetectionConfidence_AboveOne_IsValueOutOfRange()
    {
        var message = GoldenFrames.Detection();
        message.DetectionReport.DetectionConfidence = 1.5f;

        AssertFirst(message, SapientRule.ValueOutOfRange, "detection_report.detection_confidence");
    }

    [Fact]
    public void SubClassConfidence_BelowZero_NamesTheNestedSubClass()
    {
        var message = GoldenFrames.Detection();
        message.DetectionReport.Classification[0].SubClass[0].SubClass_[0].Confidence = -0.1f;

        AssertFirst(message, SapientRule.ValueOutOfRange, "detection_report.classification[0].sub_class[0].sub_class[0].confidence");
    }

    [Fact]
    public void CoordinateSystem_ReservedNumber3_IsUnknownEnumValue()
    {
        var message = GoldenFrames.Detection();
        message.DetectionReport.Location.CoordinateSystem = (LocationCoordinateSystem)3;

        AssertFirst(message, SapientRule.UnknownEnumValue, "detection_report.location.coordinate_system");
    }

    [Fact]
    public void CoordinateSystem_Unspecified_IsMissingField()
    {
        var message = GoldenFrames.Detection();
        message.DetectionReport.Location.CoordinateSystem = LocationCoordinateSystem.Unspecified;

        AssertFirst(message, SapientRule.MissingField, "detection_report.location.coordinate_system");
    }

    [Fact]
    public void Timestamp_NanosecondsOutOfRange_IsInvalidTimestamp()
    {
        var message = GoldenFrames.Detection();
        message.Timestamp = new Timestamp { Seconds = 1_768_501_806, Nanos = 1_000_000_000 };

        AssertFirst(message, SapientRule.InvalidTimestamp, "timestamp");
    }

    [Fact]
    public void ObjectId_Blank_IsMissingFieldAndLowerCaseUlid_IsAccepted()
    {
        var blank = GoldenFrames.Detection();
        blank.DetectionReport.ObjectId = "   ";
        var lower = GoldenFrames.Detection();
        lower.DetectionReport.ObjectId = lower.DetectionReport.ObjectId.ToLowerInvariant();

        AssertFirst(blank, SapientRule.MissingField, "detection_report.object_id");
        Assert.True(SapientValidator.TryValidate(lower, out _));
    }

    [Theory]
    [InlineData("BSI Flex 335 v1.0", false)]
    [InlineData("bsi flex 335 v2.0", false)]
    [InlineData("BSI_Flex_335_v2.0", true)]
    [InlineData("BSI Flex 335 v2.0", true)]
    public void IcdVersion_OnlyV20InEitherSpelling_IsSupported(string version, bool supported)
    {
        var message = GoldenFrames.Registration();
        message.Registration.IcdVersion = version;

        var valid = SapientValidator.TryValidate(message, out var violation);

        Assert.Equal(supported, valid);
        Assert.Equal(supported ? default : new SapientViolation(SapientRule.UnsupportedIcdVersion, "registration.icd_version", "must be \"BSI Flex 335 v2.0\""), violation);
    }

    [Fact]
    public void LocationType_LocationUnitsWithARangeBearingDatum_IsInconsistentUnits()
    {
        var message = GoldenFrames.Registration();
        message.Registration.StatusDefinition.CoverageDefinition = new Registration.Types.LocationType
        {
            LocationUnits = LocationCoordinateSystem.LatLngDegM,
            RangeBearingDatum = RangeBearingDatum.True,
        };

        AssertFirst(message, SapientRule.InconsistentUnits, "registration.status_definition.coverage_definition.range_bearing_datum");
    }

    [Fact]
    public void CoverageDefinition_InUtmWithoutZone_IsMissingUtmZone()
    {
        var message = GoldenFrames.Registration();
        message.Registration.StatusDefinition.CoverageDefinition = new Registration.Types.LocationType
        {
            LocationUnits = LocationCoordinateSystem.UtmM,
            LocationDatum = LocationDatum.Wgs84E,
        };

        AssertFirst(message, SapientRule.MissingUtmZone, "registration.status_definition.coverage_definition.zone");
    }

    [Fact]
    public void RegionArea_InUtmWithoutZone_NamesTheListElement()
    {
        var message = GoldenFrames.Registration();
        var area = message.Registration.ModeDefinition[0].Task.RegionDefinition.RegionArea;
        area.Add(new Registration.Types.LocationType { LocationUnits = LocationCoordinateSystem.UtmM, LocationDatum = LocationDatum.Wgs84G });

        AssertFirst(message, SapientRule.MissingUtmZone, "registration.mode_definition[0].task.region_definition.region_area[1].zone");
    }

    [Fact]
    public void NodeLocationDefinition_InRangeBearing_IsInconsistentUnits()
    {
        var message = GoldenFrames.Registration();
        message.Registration.StatusDefinition.LocationDefinition = new Registration.Types.LocationType
        {
            RangeBearingUnits = RangeBearingCoordinateSystem.DegreesM,
            RangeBearingDatum = RangeBearingDatum.True,
        };

        AssertFirst(message, SapientRule.InconsistentUnits, "registration.status_definition.location_definition");
    }

    [Fact]
    public void TaskCommand_EmptyRequest_IsMissingField()
    {
        var message = new SapientMessage
        {
            Timestamp = new Timestamp { Seconds = 1_768_501_810 },
            NodeId = "d23f0824-128b-4f33-8c5c-7fd0a6a3a450",
            Task = new SapientMsg.BsiFlex335V20.Task
            {
                TaskId = "01KF1EQV25000000000000TASK",
                Control = SapientMsg.BsiFlex335V20.Task.Types.Control.Start,
                Command = new SapientMsg.BsiFlex335V20.Task.Types.Command { Request = " " },
            },
        };

        AssertFirst(message, SapientRule.MissingField, "task.command.request");
    }

    [Fact]
    public void SubClassesNestedDeeperThanTheLimit_AreNestingTooDeep()
    {
        var message = GoldenFrames.Detection();
        var sub = message.DetectionReport.Classification[0].SubClass[0];
        for (var level = 3; level < 120; level++)
        {
            var deeper = new DetectionReport.Types.SubClass { Type = "x", Level = level };
            sub.SubClass_.Clear();
            sub.SubClass_.Add(deeper);
            sub = deeper;
        }

        Assert.False(SapientValidator.TryValidate(message, out var violation));
        Assert.Equal(SapientRule.NestingTooDeep, violation.Rule);
    }

    [Fact]
    public void ValidateAll_ListsEveryViolationInFieldOrder()
    {
        var message = GoldenFrames.Detection();
        message.NodeId = "not-a-uuid";
        message.DetectionReport.ReportId = string.Empty;
        message.DetectionReport.Location.Y = 100;

        var all = SapientValidator.ValidateAll(message);

        Assert.Equal(
            [
                new SapientViolation(SapientRule.InvalidUuid, "node_id", "is not a UUID (8-4-4-4-12 hexadecimal digits)"),
                new SapientViolation(SapientRule.MissingField, "detection_report.report_id", "is mandatory"),
                new SapientViolation(SapientRule.ValueOutOfRange, "detection_report.location.y", "latitude in degrees must lie in -90..90"),
            ],
            all);
        Assert.Equal("InvalidUuid at node_id: is not a UUID (8-4-4-4-12 hexadecimal digits)", all[0].Message);
    }

    private static void AssertFirst(SapientMessage message, SapientRule rule, string field)
    {
        Assert.False(SapientValidator.TryValidate(message, out var violation));
        Assert.Equal(rule, violation.Rule);
        Assert.Equal(field, violation.Field);
        Assert.False(string.IsNullOrWhiteSpace(violation.Reason));
    }
}
