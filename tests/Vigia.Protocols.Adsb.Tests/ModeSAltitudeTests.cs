namespace Vigia.Protocols.Adsb.Tests;

/// <summary>
/// Altitude and identity code fields. Gillham rows: the altitude encoder Gray-code table published by Michigan
/// Avionics (support.michiganavionics.com, "Transponder Gray Code (Gillham Code) Reference"), bits in the order
/// D1 D2 D4 A1 A2 A4 B1 B2 B4 C1 C2 C4.
/// </summary>
public sealed class ModeSAltitudeTests
{
    [Theory]
    [InlineData("000000000001", -1200)]
    [InlineData("000000000010", -1000)]
    [InlineData("000000011010", 0)]
    [InlineData("000000010001", 700)]
    [InlineData("000000110010", 1000)]
    [InlineData("000001101100", 3300)]
    [InlineData("000001010010", 5000)]
    [InlineData("000001000110", 6400)]
    public void Gillham_TableRows(string dddaaabbbccc, int feet)
    {
        int Bit(int i) => dddaaabbbccc[i] - '0';
        int d1 = Bit(0), d2 = Bit(1), d4 = Bit(2), a1 = Bit(3), a2 = Bit(4), a4 = Bit(5);
        int b1 = Bit(6), b2 = Bit(7), b4 = Bit(8), c1 = Bit(9), c2 = Bit(10), c4 = Bit(11);

        // The AC field order: C1 A1 C2 A2 C4 A4 M B1 Q(D1) B2 D2 B4 D4 (Annex 10 Vol IV §3.1.2.6.5.4).
        var ac13 = (c1 << 12) | (a1 << 11) | (c2 << 10) | (a2 << 9) | (c4 << 8) | (a4 << 7) | (b1 << 5) | (d1 << 4) | (b2 << 3) | (d2 << 2) | (b4 << 1) | d4;
        Assert.Equal(feet, ModeSAltitude.DecodeAc13(ac13));

        // The 12-bit field of the airborne position message drops the M bit.
        var ac12 = ((ac13 >> 1) & 0xFC0) | (ac13 & 0x3F);
        Assert.Equal(feet, ModeSAltitude.DecodeAc12(ac12));
    }

    [Theory]
    [InlineData(0b000)]
    [InlineData(0b111)]
    [InlineData(0b101)]
    public void Gillham_InvalidHundredsCode_IsNull(int c1c2c4)
    {
        var ac13 = ((c1c2c4 >> 2) << 12) | (((c1c2c4 >> 1) & 1) << 10) | ((c1c2c4 & 1) << 8) | (1 << 3);
        Assert.Null(ModeSAltitude.DecodeAc13(ac13));
    }

    [Fact]
    public void Ac13_ZeroAndMetric_AreNull()
    {
        Assert.Null(ModeSAltitude.DecodeAc13(0));
        Assert.Null(ModeSAltitude.DecodeAc13(0x0040 | 0x0010 | 0x0800));
        Assert.Null(ModeSAltitude.DecodeAc12(0));
    }

    [Fact]
    public void Ac13_QBit_Counts25FeetFromMinus1000()
    {
        // N = 1 with Q set: the lowest coded altitude, −975 ft; all N bits set: 50 175 ft.
        Assert.Equal(-975, ModeSAltitude.DecodeAc13(0x0010 | 0x0001));
        Assert.Equal((2047 * 25) - 1000, ModeSAltitude.DecodeAc13(0x1FBF));
    }

    [Theory]
    [InlineData(0x0000, 0)]
    [InlineData(0x1FBF, 7777)]
    [InlineData(0x0A80, 7000)]
    [InlineData(0x0AAA, 7700)]
    public void Identity_ReadsTheFourOctalDigits(int id13, int squawk) => Assert.Equal(squawk, ModeSAltitude.DecodeIdentity(id13));
}
