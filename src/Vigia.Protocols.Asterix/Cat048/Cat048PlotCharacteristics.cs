namespace Vigia.Protocols.Asterix.Cat048;

/// <summary>I048/130 Radar Plot Characteristics: run lengths, reply count, amplitudes and PSR–SSR differences.</summary>
/// <remarks>
/// EUROCONTROL-SPEC-0149-4 §I048/130, a compound item of seven one-octet subfields; each property is null when its
/// subfield is absent. Thread-safety: a value.
/// </remarks>
public readonly record struct Cat048PlotCharacteristics(byte Present, ulong RawSubfields)
{
    /// <summary>SRL: SSR plot run length in degrees (LSB 360°/2¹³).</summary>
    public double? SsrRunLengthDegrees => Has(1) ? Raw(1) * (360.0 / 8192.0) : null;

    /// <summary>SRR: number of received replies for (M)SSR.</summary>
    public int? SsrReplyCount => Has(2) ? Raw(2) : null;

    /// <summary>SAM: amplitude of the (M)SSR reply in dBm (two's complement).</summary>
    public int? SsrAmplitudeDbm => Has(3) ? (sbyte)Raw(3) : null;

    /// <summary>PRL: primary plot run length in degrees (LSB 360°/2¹³).</summary>
    public double? PsrRunLengthDegrees => Has(4) ? Raw(4) * (360.0 / 8192.0) : null;

    /// <summary>PAM: amplitude of the primary plot in dBm (two's complement).</summary>
    public int? PsrAmplitudeDbm => Has(5) ? (sbyte)Raw(5) : null;

    /// <summary>RPD: PSR − SSR range in nautical miles (LSB 1/256 NM, two's complement).</summary>
    public double? RangeDifferenceNauticalMiles => Has(6) ? (sbyte)Raw(6) / 256.0 : null;

    /// <summary>APD: PSR − SSR azimuth in degrees (LSB 360°/2¹⁴, two's complement).</summary>
    public double? AzimuthDifferenceDegrees => Has(7) ? (sbyte)Raw(7) * (360.0 / 16384.0) : null;

    private bool Has(int subfield) => (Present & (1 << (subfield - 1))) != 0;

    private byte Raw(int subfield) => (byte)(RawSubfields >> (8 * (subfield - 1)));

    internal static Cat048PlotCharacteristics From(ReadOnlySpan<byte> item)
    {
        var view = new Layout.CompoundView(item, Cat048Uap.PlotCharacteristics);
        byte present = 0;
        ulong raw = 0;
        for (var subfield = 1; subfield <= 7; subfield++)
        {
            if (view.Has(subfield))
            {
                present |= (byte)(1 << (subfield - 1));
                raw |= (ulong)view.Subfield(subfield)[0] << (8 * (subfield - 1));
            }
        }

        return new Cat048PlotCharacteristics(present, raw);
    }
}
