namespace Vigia.Protocols.Asterix.Cat062;

/// <summary>I062/080 Track Status (1 to 6 octets); bits of absent extensions read as zero.</summary>
/// <remarks>
/// EUROCONTROL-SPEC-0149-9 ed. 1.18 §I062/080. Octets: MON SPI MRH SRC(3) CNF | SIM TSE TSB FPC AFF STP KOS |
/// AMA MD4(2) ME MI MD5(2) | CST PSR SSR MDS ADS SUC AAC | SDS(2) EMS(3) PFT FPLT | DUPT DUPF DUPM SFC IDD IEC.
/// Thread-safety: a value.
/// </remarks>
public readonly record struct Cat062TrackStatus(ulong RawOctets, int OctetCount)
{
    /// <summary>MON: monosensor (true) or multisensor track.</summary>
    public bool IsMonosensor => Bit(0, 0x80);

    /// <summary>SPI present in the last report.</summary>
    public bool HasSpi => Bit(0, 0x40);

    /// <summary>MRH: geometric altitude more reliable (false: barometric).</summary>
    public bool IsGeometricAltitudeMoreReliable => Bit(0, 0x20);

    /// <summary>SRC: source of I062/130 (0 none, 1 GNSS, 2 3D radar, 3 triangulation, 4 coverage, 5 speed table, 6 default, 7 MLAT).</summary>
    public int AltitudeSource => (Octet(0) >> 2) & 7;

    /// <summary>CNF: tentative (true) or confirmed track.</summary>
    public bool IsTentative => Bit(0, 0x02);

    /// <summary>SIM: simulated track.</summary>
    public bool IsSimulated => Bit(1, 0x80);

    /// <summary>TSE: last message for this track.</summary>
    public bool IsLastMessage => Bit(1, 0x40);

    /// <summary>TSB: first message for this track.</summary>
    public bool IsFirstMessage => Bit(1, 0x20);

    /// <summary>FPC: flight-plan correlated.</summary>
    public bool IsFlightPlanCorrelated => Bit(1, 0x10);

    /// <summary>AFF: ADS-B data inconsistent with other surveillance.</summary>
    public bool IsAdsBInconsistent => Bit(1, 0x08);

    /// <summary>STP: slave track promotion.</summary>
    public bool IsSlaveTrackPromotion => Bit(1, 0x04);

    /// <summary>KOS: background service used (false: complementary).</summary>
    public bool IsBackgroundService => Bit(1, 0x02);

    /// <summary>AMA: track resulting from amalgamation.</summary>
    public bool IsAmalgamated => Bit(2, 0x80);

    /// <summary>MD4: 0 no Mode 4 interrogation, 1 friendly, 2 unknown, 3 no reply.</summary>
    public int Mode4 => (Octet(2) >> 5) & 3;

    /// <summary>ME: military emergency.</summary>
    public bool IsMilitaryEmergency => Bit(2, 0x10);

    /// <summary>MI: military identification.</summary>
    public bool IsMilitaryIdentification => Bit(2, 0x08);

    /// <summary>MD5: 0 no Mode 5 interrogation, 1 friendly, 2 unknown, 3 no reply.</summary>
    public int Mode5 => (Octet(2) >> 1) & 3;

    /// <summary>CST: coasting (last update older than the system threshold).</summary>
    public bool IsCoasting => Bit(3, 0x80);

    /// <summary>PSR: last PSR update older than the threshold.</summary>
    public bool IsPsrAged => Bit(3, 0x40);

    /// <summary>SSR: last SSR update older than the threshold.</summary>
    public bool IsSsrAged => Bit(3, 0x20);

    /// <summary>MDS: last Mode S update older than the threshold.</summary>
    public bool IsModeSAged => Bit(3, 0x10);

    /// <summary>ADS: last ADS-B update older than the threshold.</summary>
    public bool IsAdsBAged => Bit(3, 0x08);

    /// <summary>SUC: special used code.</summary>
    public bool HasSpecialUsedCode => Bit(3, 0x04);

    /// <summary>AAC: assigned Mode A code conflict.</summary>
    public bool HasAssignedCodeConflict => Bit(3, 0x02);

    /// <summary>SDS: 0 combined, 1 co-operative only, 2 non-cooperative only.</summary>
    public int SurveillanceDataSources => Octet(4) >> 6;

    /// <summary>EMS: 0 no emergency, 1 general, 2 medical, 3 minimum fuel, 4 no comms, 5 unlawful interference, 6 downed.</summary>
    public int Emergency => (Octet(4) >> 3) & 7;

    /// <summary>PFT: potential false track.</summary>
    public bool IsPotentiallyFalse => Bit(4, 0x04);

    /// <summary>FPLT: track created or updated with flight plan data.</summary>
    public bool IsFlightPlanTrack => Bit(4, 0x02);

    /// <summary>SFC: surface target.</summary>
    public bool IsSurfaceTarget => Bit(5, 0x10);

    /// <summary>The octet at <paramref name="index"/> (0 when absent).</summary>
    public int Octet(int index) => index < OctetCount ? (int)((RawOctets >> (40 - (8 * index))) & 0xFF) : 0;

    private bool Bit(int octet, int mask) => (Octet(octet) & mask) != 0;

    internal static Cat062TrackStatus From(ReadOnlySpan<byte> item)
    {
        ulong raw = 0;
        var count = Math.Min(item.Length, 6);
        for (var i = 0; i < count; i++)
        {
            raw |= (ulong)item[i] << (40 - (8 * i));
        }

        return new Cat062TrackStatus(raw, count);
    }
}
