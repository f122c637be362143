namespace Vigia.Protocols.Adsb;

/// <summary>Altitude and identity code fields of Mode S replies: Q-bit 25 ft coding, Gillham (Mode C) 100 ft coding, Mode A codes.</summary>
/// <remarks>
/// ICAO Annex 10 Vol IV §3.1.2.6.5.4 (AC, 13 bits: C1 A1 C2 A2 C4 A4 M B1 Q B2 D2 B4 D4), §3.1.2.6.7.1 (ID,
/// 13 bits: C1 A1 C2 A2 C4 A4 X B1 D1 B2 D2 B4 D4); the 12-bit field of the airborne position message is the AC
/// field without the M bit. Q = 1: the 11 remaining bits count 25 ft steps from −1000 ft. Q = 0: the bits are a
/// Mode C (Gillham) code — D1 D2 D4 A1 A2 A4 B1 B2 B4 a reflected Gray code of 500 ft steps, C1 C2 C4 a Gray code
/// of 100 ft steps (1 2 3 4 7, reflected when the 500 ft count is odd) from −1200 ft. Thread-safety: stateless.
/// </remarks>
public static class ModeSAltitude
{
    private const int MetricBit13 = 0x40;
    private const int QBit13 = 0x10;
    private const int QBit12 = 0x10;
    private const int FeetPerStep = 25;
    private const int QBitOffsetFeet = -1000;

    /// <summary>Decodes a 13-bit AC field (DF0/4/16/20) to feet; null for "not available" (0), metric coding (M = 1) or an invalid Gillham code.</summary>
    public static int? DecodeAc13(int ac13)
    {
        ac13 &= 0x1FFF;
        if (ac13 == 0 || (ac13 & MetricBit13) != 0)
        {
            return null;
        }

        if ((ac13 & QBit13) != 0)
        {
            var n = ((ac13 & 0x1F80) >> 2) | ((ac13 & 0x0020) >> 1) | (ac13 & 0x000F);
            return (n * FeetPerStep) + QBitOffsetFeet;
        }

        return DecodeGillham(ac13);
    }

    /// <summary>Decodes the 12-bit altitude field of an airborne position message (type codes 9–18) to feet; null when not available or invalid.</summary>
    public static int? DecodeAc12(int ac12)
    {
        ac12 &= 0xFFF;
        if (ac12 == 0)
        {
            return null;
        }

        if ((ac12 & QBit12) != 0)
        {
            var n = ((ac12 & 0xFE0) >> 1) | (ac12 & 0x00F);
            return (n * FeetPerStep) + QBitOffsetFeet;
        }

        // Re-insert the M bit (0) to get the 13-bit layout.
        return DecodeGillham(((ac12 & 0xFC0) << 1) | (ac12 & 0x03F));
    }

    /// <summary>
    /// Decodes a Gillham (Mode C) altitude laid out as a 13-bit AC field (Q position = D1) to feet, in 100 ft
    /// steps from −1200 ft; null when the 100 ft code is invalid (0, 5 or 6 after Gray decoding).
    /// </summary>
    public static int? DecodeGillham(int ac13)
    {
        int Bit(int index) => (ac13 >> index) & 1;
        int c1 = Bit(12), a1 = Bit(11), c2 = Bit(10), a2 = Bit(9), c4 = Bit(8), a4 = Bit(7);
        int b1 = Bit(5), d1 = Bit(4), b2 = Bit(3), d2 = Bit(2), b4 = Bit(1), d4 = Bit(0);
        var grayFiveHundreds = (d1 << 8) | (d2 << 7) | (d4 << 6) | (a1 << 5) | (a2 << 4) | (a4 << 3) | (b1 << 2) | (b2 << 1) | b4;
        var grayHundreds = (c1 << 2) | (c2 << 1) | c4;
        var fiveHundreds = GrayToBinary(grayFiveHundreds);
        var hundreds = GrayToBinary(grayHundreds);
        if (hundreds is 0 or 5 or 6)
        {
            return null;
        }

        if (hundreds == 7)
        {
            hundreds = 5;
        }

        if ((fiveHundreds & 1) != 0)
        {
            hundreds = 6 - hundreds;
        }

        return (fiveHundreds * 500) + (hundreds * 100) - 1300;
    }

    /// <summary>Decodes a 13-bit ID field (DF5/21) to the Mode A code as four octal digits read as decimal (e.g. 1200).</summary>
    public static int DecodeIdentity(int id13)
    {
        int Bit(int index) => (id13 >> index) & 1;
        var a = (Bit(7) << 2) | (Bit(9) << 1) | Bit(11);
        var b = (Bit(1) << 2) | (Bit(3) << 1) | Bit(5);
        var c = (Bit(8) << 2) | (Bit(10) << 1) | Bit(12);
        var d = (Bit(0) << 2) | (Bit(2) << 1) | Bit(4);
        return (a * 1000) + (b * 100) + (c * 10) + d;
    }

    private static int GrayToBinary(int gray)
    {
        var binary = gray;
        for (var shift = gray >> 1; shift != 0; shift >>= 1)
        {
            binary ^= shift;
        }

        return binary;
    }
}
