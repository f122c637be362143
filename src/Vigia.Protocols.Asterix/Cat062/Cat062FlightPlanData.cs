using Vigia.Protocols.Asterix.Layout;

namespace Vigia.Protocols.Asterix.Cat062;

/// <summary>I062/390 Flight Plan Related Data from ground systems, each part empty or null when not sent.</summary>
/// <remarks>
/// EUROCONTROL-SPEC-0149-9 ed. 1.18 §I062/390, compound of 18 subfields. Text subfields are ASCII, left adjusted and
/// space padded, given as octets so that reading them allocates nothing. Thread-safety: a view.
/// </remarks>
public readonly ref struct Cat062FlightPlanData
{
    private readonly CompoundView _view;

    internal Cat062FlightPlanData(ReadOnlySpan<byte> item)
    {
        _view = new CompoundView(item, Cat062Uap.FlightPlanData);
        IsPresent = !item.IsEmpty;
    }

    /// <summary>Whether the record carries I062/390.</summary>
    public bool IsPresent { get; }

    /// <summary>TAG: the flight plan processing system (SAC/SIC).</summary>
    public DataSourceIdentifier? FppsIdentification => _view.Has(1) ? DataSourceIdentifier.From(_view.Subfield(1)) : null;

    /// <summary>CS: callsign (7 ASCII characters).</summary>
    public ReadOnlySpan<byte> CallsignAscii => _view.Subfield(2);

    /// <summary>IFI: type (bits 32–31: 0 plan number, 1–3 unit internal numbers).</summary>
    public int? IfpsFlightIdType => _view.Has(3) ? _view.Subfield(3)[0] >> 6 : null;

    /// <summary>IFI: IFPS flight number (27 bits).</summary>
    public uint? IfpsFlightIdNumber => _view.Has(3) ? BigEndian.U32(_view.Subfield(3), 0) & 0x07FF_FFFF : null;

    /// <summary>FCT: flight category, raw (GAT/OAT(2) FR1/FR2(2) RVSM(2) HPR spare).</summary>
    public byte? RawFlightCategory => _view.Has(4) ? _view.Subfield(4)[0] : null;

    /// <summary>TAC: type of aircraft (4 ASCII characters).</summary>
    public ReadOnlySpan<byte> AircraftTypeAscii => _view.Subfield(5);

    /// <summary>WTC: wake turbulence category (1 ASCII character: L, M, H, J).</summary>
    public ReadOnlySpan<byte> WakeTurbulenceCategoryAscii => _view.Subfield(6);

    /// <summary>DEP: departure airport (4 ASCII characters, ICAO location indicator).</summary>
    public ReadOnlySpan<byte> DepartureAscii => _view.Subfield(7);

    /// <summary>DST: destination airport (4 ASCII characters).</summary>
    public ReadOnlySpan<byte> DestinationAscii => _view.Subfield(8);

    /// <summary>RDS: runway designation (NU1, NU2, LTR: 3 ASCII characters).</summary>
    public ReadOnlySpan<byte> RunwayAscii => _view.Subfield(9);

    /// <summary>CFL: current cleared flight level (LSB 1/4 FL).</summary>
    public double? ClearedFlightLevel => _view.Has(10) ? BigEndian.U16(_view.Subfield(10), 0) / 4.0 : null;

    /// <summary>TOD: the number of time-of-departure/arrival entries (0 when not sent).</summary>
    public int TimeEntryCount => _view.Has(12) ? _view.Subfield(12)[0] : 0;

    /// <summary>AST: aircraft stand (6 ASCII characters).</summary>
    public ReadOnlySpan<byte> StandAscii => _view.Subfield(13);

    /// <summary>STD: standard instrument departure (7 ASCII characters).</summary>
    public ReadOnlySpan<byte> StandardDepartureAscii => _view.Subfield(15);

    /// <summary>STA: standard instrument arrival (7 ASCII characters).</summary>
    public ReadOnlySpan<byte> StandardArrivalAscii => _view.Subfield(16);

    /// <summary>PEC: pre-emergency callsign (7 ASCII characters).</summary>
    public ReadOnlySpan<byte> PreEmergencyCallsignAscii => _view.Subfield(18);

    /// <summary>TOD entry <paramref name="index"/>, raw 4 octets: TYP(5) DAY(2) spare(4) HOR(5) spare(2) MIN(6) AVS spare SEC(6).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <see cref="TimeEntryCount"/>.</exception>
    public uint GetRawTimeEntry(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, TimeEntryCount);
        return BigEndian.U32(_view.Subfield(12), 1 + (4 * index));
    }

    /// <summary>The octets of subfield <paramref name="subfield"/> (1–18, as numbered in the specification), empty when not sent.</summary>
    public ReadOnlySpan<byte> GetSubfield(int subfield)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(subfield, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(subfield, 18);
        return _view.Subfield(subfield);
    }
}
