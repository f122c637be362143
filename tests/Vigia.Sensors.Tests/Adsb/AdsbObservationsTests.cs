using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Protocols.Adsb;
using Vigia.Sensors.Adsb;

namespace Vigia.Sensors.Tests.Adsb;

/// <summary>Mapping a resolved ADS-B position to an observation: identity, heights and accuracies.</summary>
public sealed class AdsbObservationsTests
{
    private static readonly SensorId Sensor = new("adsb-1");

    private static AircraftPosition Position(bool surface = false) => new()
    {
        LatitudeDegrees = 52.25,
        LongitudeDegrees = 3.92,
        Time = Timestamp.FromUnixSeconds(100),
        Method = PositionMethod.Global,
        IsSurface = surface,
        TypeCode = 11,
    };

    [Fact]
    public void BarometricOnly_GivesAnUninformativeHeightAndTheDefaultHorizontalSigma()
    {
        var state = new AircraftState { Address = new IcaoAddress(0x4840D6), BarometricAltitudeFeet = 38000 };
        Assert.True(AdsbObservations.TryCreate(state, Position(), Sensor, Timestamp.FromUnixSeconds(101), out var o));
        Assert.Equal((52.25, 3.92, 0.0), (o.Measurement.V0, o.Measurement.V1, o.Measurement.V2));
        Assert.Equal(AdsbObservations.MissingHeightSigmaMeters * AdsbObservations.MissingHeightSigmaMeters, o.Measurement.Covariance[2, 2]);
        Assert.Equal(AdsbObservations.DefaultHorizontalSigmaMeters * AdsbObservations.DefaultHorizontalSigmaMeters, o.Measurement.Covariance[0, 0], 1e-6);
        Assert.Equal("Icao:4840D6", o.UasId);
        Assert.Equal((100.0, 101.0), (o.SensorTime.UnixSeconds, o.ReceiveTime.UnixSeconds));
        Assert.Equal(ObservationFault.None, o.Measurement.Validate());
    }

    [Fact]
    public void GnssHeightAndNacp_SetTheHeightAndSigmas()
    {
        var state = new AircraftState
        {
            Address = new IcaoAddress(0xABCDEF),
            GnssHeightMeters = 1200,
            OperationalStatus = new OperationalStatus { Version = 2, NavigationAccuracyPosition = 10 },
        };
        Assert.True(AdsbObservations.TryCreate(state, Position(), Sensor, Timestamp.FromUnixSeconds(100), out var o));
        Assert.Equal(1200, o.Measurement.V2);
        Assert.Equal(Math.Pow(10 / 2.45, 2), o.Measurement.Covariance[0, 0], 1e-9);
        Assert.Equal(AdsbObservations.GnssHeightSigmaMeters * AdsbObservations.GnssHeightSigmaMeters, o.Measurement.Covariance[2, 2]);
    }

    [Fact]
    public void Identification_GivesCategoryNameAndTheCallsignAsLabel()
    {
        var identification = ModeSDecoder.Decode(Convert.FromHexString("8D4840D6202CC371C32CE0576098")).Identification;
        Assert.Equal("Large", AdsbObservations.IdentityOf(identification with { Category = 3 }).AircraftType);
        Assert.Null(AdsbObservations.IdentityOf(identification).AircraftType);
        var manned = AdsbObservations.ClassificationOf(identification with { Category = 3 }, Sensor);
        Assert.Equal(new Classification(ObjectClass.MannedAircraft, EvidenceSource.Adsb, 1.0, "KLM1023", Sensor), manned);
        Assert.Equal("Uav", AdsbObservations.CategoryName(3, 6));
        Assert.Equal("ServiceVehicle", AdsbObservations.CategoryName(2, 2));
        Assert.Null(AdsbObservations.CategoryName(3, 5));
    }

    [Theory]
    [InlineData(4, 7, ObjectClass.MannedAircraft)]
    [InlineData(3, 1, ObjectClass.MannedAircraft)]
    [InlineData(3, 3, ObjectClass.Person)]
    [InlineData(3, 6, ObjectClass.Uav)]
    [InlineData(3, 7, ObjectClass.Other)]
    [InlineData(2, 2, ObjectClass.GroundVehicle)]
    [InlineData(2, 4, ObjectClass.Other)]
    public void Category_GivesTheClass(byte typeCode, byte category, ObjectClass expected)
    {
        var classification = AdsbObservations.ClassificationOf(new AircraftIdentification { TypeCode = typeCode, Category = category }, Sensor);
        Assert.Equal((expected, 1.0, (string?)null), (classification.Class, classification.Confidence, classification.Label));
    }

    [Fact]
    public void NoCategoryYet_PresumesAMannedAircraft()
    {
        var classification = AdsbObservations.ClassificationOf(null, Sensor);
        Assert.Equal((ObjectClass.MannedAircraft, AdsbObservations.PresumedMannedConfidence), (classification.Class, classification.Confidence));
        Assert.Equal(0.9, AdsbObservations.ClassificationOf(new AircraftIdentification { TypeCode = 4 }, Sensor).Confidence);
    }

    [Theory]
    [InlineData(null, 75.59)]
    [InlineData((byte)0, 75.59)]
    [InlineData((byte)1, 7559.18)]
    [InlineData((byte)9, 12.24)]
    [InlineData((byte)11, 1.22)]
    [InlineData((byte)12, 75.59)]
    public void HorizontalSigma_FollowsNacp(byte? nacp, double sigma) =>
        Assert.Equal(sigma, AdsbObservations.HorizontalSigmaMeters(nacp), 0.01);

    [Fact]
    public void ImpossibleLatitude_GivesNoObservation()
    {
        var state = new AircraftState { Address = new IcaoAddress(1) };
        Assert.False(AdsbObservations.TryCreate(state, Position() with { LatitudeDegrees = 95 }, Sensor, default, out _));
    }
}
