using Vigia.Protocols.Asterix.Cat021;
using Vigia.Protocols.Asterix.Cat034;
using Vigia.Protocols.Asterix.Cat048;
using Vigia.Protocols.Asterix.Cat062;
using Vigia.Protocols.Asterix.Cat065;

namespace Vigia.Protocols.Asterix.Tests.Support;

/// <summary>
/// Reads every property of every record it is given (values are decoded on access, so an accepted record must be
/// safe to read in full, whatever its bytes), checks the record lies inside the input, and counts.
/// </summary>
public struct EveryPropertyReader(int inputLength) : IAsterixRecordHandler
{
    public int Records { get; private set; }

    public int Errors { get; private set; }

    public double Checksum { get; private set; }

    public void OnCat048(in Cat048Record record)
    {
        var r = record;
        Check(r.Offset, r.Bytes.Length);
        Add(r.DataSource?.Sic, r.TimeOfDay?.TotalSeconds, (int?)r.TargetReportDescriptor?.DetectionType, r.TargetReportDescriptor?.Mode4Result);
        Add(r.MeasuredPosition?.RangeMeters, r.Mode3A?.Code, r.FlightLevel?.FlightLevel, r.PlotCharacteristics?.AzimuthDifferenceDegrees);
        Add(r.AircraftAddress, r.AircraftIdentification?[7], r.TrackNumber, r.CalculatedPosition?.XMeters);
        Add(r.TrackVelocity?.GroundSpeedKnots, r.TrackStatus?.IsGhost == true ? 1 : 0, r.TrackQuality?.SigmaHeadingDegrees, r.Mode3AConfidence);
        Add(r.ModeCCode?.GrayCode, r.Height3DFeet, r.CalculatedDopplerSpeed?.MetersPerSecond, r.CommunicationsCapability?.B1B);
        Add(r.Mode1Code, r.Mode2Code?.Code, r.Mode1Confidence, r.Mode2Confidence);
        Add(r.AcasResolutionAdvisory.Length, r.SpecialPurpose.Length, r.ReservedExpansion.Length, r.WarningErrorCount);
        for (var i = 0; i < r.ModeSMbDataCount; i++)
        {
            Add(r.GetModeSMbData(i).Code, null, null, null);
        }

        for (var i = 0; i < r.WarningErrorCount; i++)
        {
            Add(r.GetWarningErrorCode(i), null, null, null);
        }

        for (var i = 0; i < r.RawDopplerSpeedCount; i++)
        {
            Add(r.GetRawDopplerSpeed(i).FrequencyMegahertz, null, null, null);
        }
    }

    public void OnCat034(in Cat034Record record)
    {
        var r = record;
        Check(r.Offset, r.Bytes.Length);
        Add(r.DataSource?.Sac, (int?)r.MessageType, r.TimeOfDay?.TotalSeconds, r.SectorAzimuthDegrees);
        Add(r.AntennaRotationPeriodSeconds, r.SystemConfiguration?.ModeS, r.ProcessingMode?.RdpReductionStep, r.PolarWindow?.AzimuthEndDegrees);
        Add(r.DataFilter, r.DataSourcePosition?.LongitudeDegrees, r.CollimationError?.AzimuthErrorDegrees, r.ReservedExpansion.Length + r.SpecialPurpose.Length);
        for (var i = 0; i < r.MessageCountCount; i++)
        {
            Add(r.GetMessageCount(i).Count, null, null, null);
        }
    }

    public void OnCat062(in Cat062Record record)
    {
        var r = record;
        Check(r.Offset, r.Bytes.Length);
        Add(r.DataSource?.Sic, r.ServiceIdentification, r.TimeOfTrack?.TotalSeconds, r.Wgs84Position?.LatitudeDegrees);
        Add(r.CartesianPosition?.YMeters, r.Velocity?.VyMetersPerSecond, r.Acceleration?.AxMetersPerSecondSquared, r.Mode3A?.Code);
        Add(r.TargetIdentification?.SourceIndicator, r.TrackNumber, r.TrackStatus?.Octet(5), r.ModeOfMovement?.Vertical);
        Add(r.MeasuredFlightLevel, r.GeometricAltitudeFeet, r.BarometricAltitude?.FlightLevel, r.RateOfClimbFeetPerMinute);
        Add(r.TargetSize?.WidthMeters, r.VehicleFleetIdentification, r.Mode2Code, r.ReservedExpansion.Length + r.SpecialPurpose.Length);
        var ages = r.UpdateAges;
        Add(ages.TrackAgeSeconds, ages.AdsCAgeSeconds, ages.MultilaterationAgeSeconds, r.DataAges.GetAgeSeconds(Cat062DataAge.BarometricPressureSetting));
        var derived = r.AircraftDerivedData;
        Add(derived.TargetAddress, derived.TargetIdentification?[0], derived.MagneticHeadingDegrees, derived.AirSpeedKnots ?? derived.AirSpeedMach);
        Add(derived.TrueAirspeedKnots, derived.SelectedAltitudeFeet, derived.FinalStateSelectedAltitudeFeet, derived.CommunicationsCapability?.B1A);
        Add(derived.RawAdsBStatus, derived.BarometricVerticalRateFeetPerMinute, derived.GeometricVerticalRateFeetPerMinute, derived.RollAngleDegrees);
        Add(derived.TrackAngleDegrees, derived.GroundSpeedKnots, derived.VelocityUncertainty, derived.EmitterCategory);
        Add(derived.Position?.LongitudeDegrees, derived.GeometricAltitudeFeet, derived.PositionUncertainty, derived.IndicatedAirspeedKnots);
        Add(derived.MachNumber, derived.BarometricPressureSettingHectopascals, derived.GetSubfield(20).Length, null);
        for (var i = 0; i < derived.ModeSMbDataCount; i++)
        {
            Add(derived.GetModeSMbData(i).Bds2, null, null, null);
        }

        ReadCat062Rest(r);
    }

    public void OnCat065(in Cat065Record record)
    {
        var r = record;
        Check(r.Offset, r.Bytes.Length);
        Add(r.DataSource?.Sic, (int?)r.MessageType, r.ServiceIdentification, r.TimeOfMessage?.TotalSeconds);
        Add(r.BatchNumber, r.SdpsStatus?.ProcessingSystem, r.ServiceStatusReport, r.ReservedExpansion.Length + r.SpecialPurpose.Length);
    }

    public void OnCat021(in Cat021Record record)
    {
        var r = record;
        Check(r.Offset, r.Bytes.Length);
        Add(r.DataSource?.Sic, r.TargetReportDescriptor?.Octet(4), r.TrackNumber, r.ServiceIdentification);
        Add(r.TimeOfApplicabilityPosition?.TotalSeconds, r.Position?.LatitudeDegrees, r.HighResolutionPosition?.LongitudeDegrees, r.TimeOfApplicabilityVelocity?.Raw);
        Add(r.AirSpeed?.Mach ?? r.AirSpeed?.IndicatedAirspeedKnots, r.TrueAirspeed?.AsKnots, r.TargetAddress, r.TimeOfReceptionPosition?.Raw);
        Add(r.HighPrecisionTimeOfReceptionPosition?.FractionSeconds, r.TimeOfReceptionVelocity?.Raw, r.HighPrecisionTimeOfReceptionVelocity?.FullSecondIndication, r.GeometricHeightFeet);
        Add(r.QualityIndicators?.Pic, r.MopsVersion?.LinkTechnology, r.Mode3A?.Code, r.RollAngleDegrees);
        Add(r.FlightLevel, r.MagneticHeadingDegrees, r.TargetStatus?.PriorityStatus, r.BarometricVerticalRate?.AsFeetPerMinute);
        Add(r.GeometricVerticalRate?.AsFeetPerMinute, r.AirborneGroundVector?.TrackAngleDegrees, r.TrackAngleRateDegreesPerSecond, r.TimeOfReportTransmission?.Raw);
        Add(r.TargetIdentification?[3], r.EmitterCategory, r.MetInformation.Length, r.SelectedAltitudeFeet);
        Add(r.FinalStateSelectedAltitudeFeet, r.TrajectoryIntent.Length, r.ServiceManagementSeconds, r.AircraftOperationalStatus);
        Add(r.SurfaceCapabilities.Length, r.MessageAmplitudeDbm, r.AcasResolutionAdvisory.Length, r.ReceiverId);
        Add(r.DataAges.GetAgeSeconds(23), r.ReservedExpansion.Length, r.SpecialPurpose.Length, null);
        for (var i = 0; i < r.ModeSMbDataCount; i++)
        {
            Add(r.GetModeSMbData(i).Bds1, null, null, null);
        }
    }

    public void OnError(DecodeStatus status, in DecodeError error, byte category)
    {
        Assert.True(status is DecodeStatus.InvalidData or DecodeStatus.Unsupported);
        Assert.InRange(error.Offset, 0, inputLength);
        Assert.False(string.IsNullOrEmpty(error.Item));
        Errors++;
    }

    private void ReadCat062Rest(in Cat062Record r)
    {
        var plan = r.FlightPlanData;
        Add(plan.FppsIdentification?.Sic, plan.CallsignAscii.Length, plan.IfpsFlightIdNumber, plan.RawFlightCategory);
        Add(plan.AircraftTypeAscii.Length + plan.WakeTurbulenceCategoryAscii.Length, plan.DepartureAscii.Length + plan.DestinationAscii.Length, plan.RunwayAscii.Length, plan.ClearedFlightLevel);
        Add(plan.StandAscii.Length, plan.StandardDepartureAscii.Length, plan.StandardArrivalAscii.Length, plan.PreEmergencyCallsignAscii.Length);
        for (var i = 0; i < plan.TimeEntryCount; i++)
        {
            Add(plan.GetRawTimeEntry(i), null, null, null);
        }

        var accuracy = r.EstimatedAccuracies;
        Add(accuracy.PositionSigmaYMeters, accuracy.XyCovarianceComponentMeters, accuracy.LongitudeSigmaDegrees, accuracy.GeometricAltitudeSigmaFeet);
        Add(accuracy.BarometricAltitudeSigmaFlightLevels, accuracy.VelocitySigmaYMetersPerSecond, accuracy.AccelerationSigmaYMetersPerSecondSquared, accuracy.RateOfClimbSigmaFeetPerMinute);
        var measured = r.MeasuredInformation;
        Add(measured.Sensor?.Sic, measured.Position?.AzimuthDegrees, measured.Height3DFeet, measured.ModeCFlightLevel);
        Add(measured.Mode3A?.Code, measured.RawReportType, null, null);
        var mode5 = r.Mode5;
        Add(mode5.Summary, mode5.RawPinNationalOriginMission, mode5.Position?.LatitudeDegrees, mode5.GnssAltitudeFeet);
        Add(mode5.ExtendedMode1Code, mode5.TimeOffsetSeconds, mode5.XPulses, null);
        for (var i = 0; i < r.ComposedTrackNumberCount; i++)
        {
            Add(r.GetComposedTrackNumber(i).TrackNumber, null, null, null);
        }
    }

    private void Check(int offset, int length)
    {
        Assert.InRange(offset, 3, inputLength - length);
        Assert.True(length > 0);
        Records++;
    }

    private void Add(double? a, double? b, double? c, double? d) => Checksum += (a ?? 0) + (b ?? 0) + (c ?? 0) + (d ?? 0);
}
