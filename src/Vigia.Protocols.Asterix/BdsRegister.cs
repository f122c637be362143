namespace Vigia.Protocols.Asterix;

/// <summary>One Mode S Comm-B register as relayed by the ground: 56 bits of MB data and the BDS address.</summary>
/// <remarks>
/// ASTERIX I048/250 and I021/250 elements (8 octets: MB data, BDS1, BDS2). Interpreting the MB bits (BDS 4,0
/// selected altitude, 5,0 track and turn…) belongs to the Mode S layer. Thread-safety: a value.
/// </remarks>
public readonly record struct BdsRegister(ulong MbData, byte Bds1, byte Bds2)
{
    /// <summary>The size of one register element on the wire.</summary>
    public const int Size = 8;

    /// <summary>The register number as BDS1·16 + BDS2 (0x40 for "4,0").</summary>
    public byte Code => (byte)((Bds1 << 4) | Bds2);

    internal static BdsRegister From(ReadOnlySpan<byte> element)
    {
        ulong mb = 0;
        for (var i = 0; i < 7; i++)
        {
            mb = (mb << 8) | element[i];
        }

        return new BdsRegister(mb, (byte)(element[7] >> 4), (byte)(element[7] & 0x0F));
    }
}
