using Vigia.Protocols.Asterix.Layout;
using static Vigia.Protocols.Asterix.Cat048.Cat048Uap;

namespace Vigia.Protocols.Asterix.Cat048;

/// <summary>Track, Mode S and radar-quality items (FRN 12–22).</summary>
public ref partial struct Cat048Record
{
    /// <summary>I048/042 Calculated Position in Cartesian Co-ordinates (radar-centred, 1/128 NM).</summary>
    public readonly Cat048CartesianPosition? CalculatedPosition =>
        Core.Has(I042)
            ? new Cat048CartesianPosition(BigEndian.S16(Core.Bytes, Core.At(I042)), BigEndian.S16(Core.Bytes, Core.At(I042) + 2))
            : null;

    /// <summary>I048/200 Calculated Track Velocity in Polar Co-ordinates.</summary>
    public readonly Cat048TrackVelocity? TrackVelocity =>
        Core.Has(I200)
            ? new Cat048TrackVelocity(BigEndian.U16(Core.Bytes, Core.At(I200)), BigEndian.U16(Core.Bytes, Core.At(I200) + 2))
            : null;

    /// <summary>I048/170 Track Status.</summary>
    public readonly Cat048TrackStatus? TrackStatus => Core.Has(I170) ? Cat048TrackStatus.From(Core.Item(I170)) : null;

    /// <summary>I048/210 Track Quality (standard deviations).</summary>
    public readonly Cat048TrackQuality? TrackQuality
    {
        get
        {
            if (!Core.Has(I210))
            {
                return null;
            }

            var s = Core.Bytes.Slice(Core.At(I210), 4);
            return new Cat048TrackQuality(s[0], s[1], s[2], s[3]);
        }
    }

    /// <summary>I048/030 Warning/Error Conditions: the number of codes (0 when absent).</summary>
    public readonly int WarningErrorCount => Core.Item(I030).Length;

    /// <summary>I048/030 Warning/Error Conditions: code <paramref name="index"/> (for example 3 split plot, 24 helicopter).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <see cref="WarningErrorCount"/>.</exception>
    public readonly int GetWarningErrorCode(int index)
    {
        var item = Core.Item(I030);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, item.Length);
        return item[index] >> 1;
    }

    /// <summary>I048/080 Mode-3/A Code Confidence Indicator: 12 quality bits QA4 … QD1 (1 = low quality pulse).</summary>
    public readonly ushort? Mode3AConfidence =>
        Core.Has(I080) ? (ushort)(BigEndian.U16(Core.Bytes, Core.At(I080)) & 0x0FFF) : null;

    /// <summary>I048/100 Mode-C Code and Code Confidence Indicator.</summary>
    public readonly Cat048ModeCCode? ModeCCode => Core.Has(I100) ? new Cat048ModeCCode(BigEndian.U32(Core.Bytes, Core.At(I100))) : null;

    /// <summary>I048/110 Height Measured by a 3D Radar, in feet above mean sea level (14 bits, two's complement, LSB 25 ft).</summary>
    public readonly double? Height3DFeet =>
        Core.Has(I110) ? BigEndian.SignExtend(BigEndian.U16(Core.Bytes, Core.At(I110)) & 0x3FFF, 14) * 25.0 : null;

    /// <summary>I048/120 Radial Doppler Speed, subfield CAL (calculated speed).</summary>
    public readonly Cat048DopplerSpeed? CalculatedDopplerSpeed
    {
        get
        {
            var view = new CompoundView(Core.Item(I120), DopplerSpeed);
            return view.Has(1) ? new Cat048DopplerSpeed(BigEndian.U16(view.Subfield(1), 0)) : null;
        }
    }

    /// <summary>I048/120 Radial Doppler Speed, subfield RDS: the number of raw Doppler speeds (0 when absent).</summary>
    public readonly int RawDopplerSpeedCount
    {
        get
        {
            var view = new CompoundView(Core.Item(I120), DopplerSpeed);
            return view.Has(2) ? view.Subfield(2)[0] : 0;
        }
    }

    /// <summary>I048/120 subfield RDS: raw Doppler speed <paramref name="index"/> (0-based).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <see cref="RawDopplerSpeedCount"/>.</exception>
    public readonly Cat048RawDopplerSpeed GetRawDopplerSpeed(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, RawDopplerSpeedCount);
        var s = new CompoundView(Core.Item(I120), DopplerSpeed).Subfield(2).Slice(1 + (index * 6), 6);
        return new Cat048RawDopplerSpeed(BigEndian.U16(s, 0), BigEndian.U16(s, 2), BigEndian.U16(s, 4));
    }

    /// <summary>I048/230 Communications/ACAS Capability and Flight Status of the Mode S transponder.</summary>
    public readonly ModeSCapability? CommunicationsCapability =>
        Core.Has(I230) ? new ModeSCapability(BigEndian.U16(Core.Bytes, Core.At(I230))) : null;

    /// <summary>I048/260 ACAS Resolution Advisory Report: the 56-bit BDS 3,0 message (empty when absent).</summary>
    public readonly ReadOnlySpan<byte> AcasResolutionAdvisory => Core.Item(I260);
}
