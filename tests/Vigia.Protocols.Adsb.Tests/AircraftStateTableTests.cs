using Vigia.Core.Time;

namespace Vigia.Protocols.Adsb.Tests;

/// <summary>The aircraft table: the 10 s pair rule, receiver-relative decoding and its range, bounds, Address/Parity filtering.</summary>
public sealed class AircraftStateTableTests
{
    private static readonly ModeSMessage Even = ModeSDecoder.Decode(Convert.FromHexString("8D40621D58C382D690C8AC2863A7"));
    private static readonly ModeSMessage Odd = ModeSDecoder.Decode(Convert.FromHexString("8D40621D58C386435CC412692AD6"));

    private static Timestamp T(double seconds) => Timestamp.FromUnixSeconds(1_457_996_400 + seconds);

    [Fact]
    public void PairWithinTenSeconds_ResolvesGlobally()
    {
        var table = new AircraftStateTable(new AircraftStateOptions());
        Assert.False(table.Apply(Odd, T(0)).HasPosition);
        var update = table.Apply(Even, T(10));
        Assert.True(update.HasPosition);
        Assert.Equal(PositionMethod.Global, update.Position.Method);
        Assert.Equal(52.2572021484375, update.Position.LatitudeDegrees, 1e-9);
        Assert.Equal(3.91937255859375, update.Position.LongitudeDegrees, 1e-9);
        Assert.True(table.TryGet(Even.Address, out var state));
        Assert.Equal(38000, state.BarometricAltitudeFeet);
        Assert.Equal(1, table.Counters.GlobalPositions);
    }

    [Fact]
    public void PairMoreThanTenSecondsApart_GivesNoPositionWithoutAReference()
    {
        var table = new AircraftStateTable(new AircraftStateOptions());
        table.Apply(Odd, T(0));
        Assert.False(table.Apply(Even, T(10.5)).HasPosition);
        Assert.Equal(0, table.Counters.GlobalPositions);
        Assert.Equal(2, table.Counters.PositionsUnresolved);
    }

    [Fact]
    public void SingleFrameNearTheReceiver_ResolvesLocally_AndThenAgainstItsOwnPosition()
    {
        var table = new AircraftStateTable(new AircraftStateOptions { ReceiverLatitudeDegrees = 52.0, ReceiverLongitudeDegrees = 4.0 });
        var first = table.Apply(Even, T(0));
        Assert.Equal(PositionMethod.LocalToReceiver, first.Position.Method);
        Assert.Equal(52.2572021484375, first.Position.LatitudeDegrees, 1e-9);
        var second = table.Apply(Even, T(30));
        Assert.Equal(PositionMethod.LocalToAircraft, second.Position.Method);
        Assert.Equal(2, table.Counters.LocalPositions);
    }

    [Fact]
    public void ReceiverFartherThanTheUnambiguousLimit_GivesNoLocalPosition()
    {
        // 300 NM maximum range leaves 60 NM for receiver-relative decoding; the aircraft is about 105 NM away.
        var table = new AircraftStateTable(new AircraftStateOptions { ReceiverLatitudeDegrees = 51.0, ReceiverLongitudeDegrees = 2.0 });
        Assert.False(table.Apply(Even, T(0)).HasPosition);

        // With a 180 NM maximum range the same frame resolves.
        table = new AircraftStateTable(new AircraftStateOptions { ReceiverLatitudeDegrees = 51.0, ReceiverLongitudeDegrees = 2.0, ReceiverMaxRangeMeters = 180 * 1852 });
        Assert.True(table.Apply(Even, T(0)).HasPosition);
    }

    [Fact]
    public void GlobalPositionBeyondTheReceiverRange_IsRejectedAndBothFramesForgotten()
    {
        var table = new AircraftStateTable(new AircraftStateOptions { ReceiverLatitudeDegrees = 40.0, ReceiverLongitudeDegrees = -3.0, ReceiverMaxRangeMeters = 100_000 });
        table.Apply(Odd, T(0));
        Assert.False(table.Apply(Even, T(1)).HasPosition);
        Assert.Equal(1, table.Counters.GlobalRejected);
        Assert.False(table.Apply(Odd, T(2)).HasPosition);
        Assert.Equal(1, table.Counters.GlobalRejected);
    }

    [Fact]
    public void AddressParityReplyForAnUnknownAddress_IsNotApplied()
    {
        var table = new AircraftStateTable(new AircraftStateOptions());
        var df4 = ModeSDecoder.Decode(Convert.FromHexString("20000F1F684A6C"));
        Assert.Equal(AddressQualifier.AddressParity, df4.AddressQualifier);
        Assert.Equal(AircraftChanges.None, table.Apply(df4, T(0)).Changes);
        Assert.Equal((1, 0), (table.Counters.UnknownAddress, table.Count));

        table.Apply(ModeSDecoder.Decode(Convert.FromHexString("5D4D20237A55A6")), T(1));
        var update = table.Apply(df4, T(2));
        Assert.Equal("4D2023", update.Address.ToString());
        Assert.True((update.Changes & AircraftChanges.Altitude) != 0);
    }

    [Fact]
    public void FullTable_DropsTheLeastRecentlySeenAircraft()
    {
        var table = new AircraftStateTable(new AircraftStateOptions { Capacity = 2 });
        table.Apply(Even, T(0));
        table.Apply(ModeSDecoder.Decode(Convert.FromHexString("5D4D20237A55A6")), T(1));
        table.Apply(Even, T(2));
        table.Apply(ModeSDecoder.Decode(Convert.FromHexString("8D4840D6202CC371C32CE0576098")), T(3));
        Assert.Equal(2, table.Count);
        Assert.Equal(1, table.Counters.Evicted);
        Assert.False(table.TryGet(new IcaoAddress(0x4D2023), out _));
        Assert.True(table.TryGet(new IcaoAddress(0x40621D), out _));
        Assert.True(table.TryGet(new IcaoAddress(0x4840D6), out var klm));
        Assert.Equal("KLM1023", klm.Identification!.Value.Callsign.ToString());
        Assert.Equal(1, table.RemoveSeenBefore(T(3)));
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void SurfacePair_ResolvesAgainstTheReceiverQuadrant()
    {
        var table = new AircraftStateTable(new AircraftStateOptions { ReceiverLatitudeDegrees = 51.990, ReceiverLongitudeDegrees = 4.375 });
        table.Apply(ModeSDecoder.Decode(Convert.FromHexString("8C4841753AAB238733C8CD4020B1")), T(0));
        var update = table.Apply(ModeSDecoder.Decode(Convert.FromHexString("8C4841753A8A35323FAEBDAC702D")), T(1));
        Assert.True(update.Position.IsSurface);
        Assert.Equal(PositionMethod.Global, update.Position.Method);
        Assert.Equal(52.320607, update.Position.LatitudeDegrees, 1e-6);
        Assert.Equal(4.734735, update.Position.LongitudeDegrees, 1e-6);
        Assert.True(table.TryGet(update.Address, out var state) && state.OnGround);
    }

    [Fact]
    public void Options_OutOfRange_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AircraftStateTable(new AircraftStateOptions { Capacity = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AircraftStateTable(new AircraftStateOptions { ReceiverLatitudeDegrees = 91, ReceiverLongitudeDegrees = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AircraftStateTable(new AircraftStateOptions { AirbornePairWindow = TimeSpan.Zero }));
    }
}
