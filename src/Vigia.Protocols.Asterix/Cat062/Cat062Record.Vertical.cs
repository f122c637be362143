using Vigia.Protocols.Asterix.Layout;
using static Vigia.Protocols.Asterix.Cat062.Cat062Uap;

namespace Vigia.Protocols.Asterix.Cat062;

/// <summary>Vertical, flight plan, identity and accuracy items (FRN 17–35).</summary>
public ref partial struct Cat062Record
{
    /// <summary>I062/136 Measured Flight Level: the last valid flight level used (LSB 1/4 FL, two's complement).</summary>
    public readonly double? MeasuredFlightLevel => Core.Has(I136) ? BigEndian.S16(Core.Bytes, Core.At(I136)) / 4.0 : null;

    /// <summary>I062/130 Calculated Track Geometric Altitude in feet above the WGS-84 ellipsoid (LSB 6.25 ft, two's complement).</summary>
    public readonly double? GeometricAltitudeFeet => Core.Has(I130) ? BigEndian.S16(Core.Bytes, Core.At(I130)) * 6.25 : null;

    /// <summary>I062/135 Calculated Track Barometric Altitude.</summary>
    public readonly Cat062BarometricAltitude? BarometricAltitude =>
        Core.Has(I135) ? new Cat062BarometricAltitude(BigEndian.U16(Core.Bytes, Core.At(I135))) : null;

    /// <summary>I062/220 Calculated Rate of Climb/Descent in ft/min (LSB 6.25, positive climbing).</summary>
    public readonly double? RateOfClimbFeetPerMinute => Core.Has(I220) ? BigEndian.S16(Core.Bytes, Core.At(I220)) * 6.25 : null;

    /// <summary>I062/390 Flight Plan Related Data (<see cref="Cat062FlightPlanData.IsPresent"/> false when absent).</summary>
    public readonly Cat062FlightPlanData FlightPlanData => new(Core.Item(I390));

    /// <summary>I062/270 Target Size and Orientation.</summary>
    public readonly Cat062TargetSize? TargetSize
    {
        get
        {
            var item = Core.Item(I270);
            if (item.IsEmpty)
            {
                return null;
            }

            return new Cat062TargetSize(
                item[0] >> 1,
                item.Length > 1 ? (item[1] >> 1) * (360.0 / 128.0) : null,
                item.Length > 2 ? item[2] >> 1 : null);
        }
    }

    /// <summary>I062/300 Vehicle Fleet Identification (0 unknown … 16 follow-me).</summary>
    public readonly byte? VehicleFleetIdentification => Core.Has(I300) ? Core.Bytes[Core.At(I300)] : null;

    /// <summary>I062/110 Mode 5 Data Reports and Extended Mode 1 Code (<see cref="Cat062Mode5.IsPresent"/> false when absent).</summary>
    public readonly Cat062Mode5 Mode5 => new(Core.Item(I110));

    /// <summary>I062/120 Track Mode 2 Code (12 bits).</summary>
    public readonly ushort? Mode2Code => Core.Has(I120) ? (ushort)(BigEndian.U16(Core.Bytes, Core.At(I120)) & 0x0FFF) : null;

    /// <summary>I062/510 Composed Track Number: the number of parts (0 when absent; the first is the master).</summary>
    public readonly int ComposedTrackNumberCount => Core.Item(I510).Length / 3;

    /// <summary>I062/510 Composed Track Number: part <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <see cref="ComposedTrackNumberCount"/>.</exception>
    public readonly Cat062ComposedTrackNumber GetComposedTrackNumber(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ComposedTrackNumberCount);
        var item = Core.Item(I510);
        var at = 3 * index;
        return new Cat062ComposedTrackNumber(item[at], (ushort)(BigEndian.U16(item, at + 1) >> 1));
    }

    /// <summary>I062/500 Estimated Accuracies (<see cref="Cat062EstimatedAccuracies.IsPresent"/> false when absent).</summary>
    public readonly Cat062EstimatedAccuracies EstimatedAccuracies => new(Core.Item(I500));

    /// <summary>I062/340 Measured Information (<see cref="Cat062MeasuredInformation.IsPresent"/> false when absent).</summary>
    public readonly Cat062MeasuredInformation MeasuredInformation => new(Core.Item(I340));

    /// <summary>RE Reserved Expansion Field after its length octet (empty when absent). Skipped by length.</summary>
    public readonly ReadOnlySpan<byte> ReservedExpansion => Explicit(Re);

    /// <summary>SP Special Purpose Field after its length octet (empty when absent).</summary>
    public readonly ReadOnlySpan<byte> SpecialPurpose => Explicit(Sp);

    private readonly ReadOnlySpan<byte> Explicit(int frn)
    {
        var item = Core.Item(frn);
        return item.IsEmpty ? item : item[1..];
    }
}
