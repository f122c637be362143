namespace Vigia.Protocols.Asterix.Layout;

/// <summary>The item structures of ASTERIX Part 1 §4.3.3 that decide how many octets an item occupies.</summary>
internal enum ItemKind : byte
{
    /// <summary>A UAP position or compound subfield the specification leaves unused ("-"): its length is unknown.</summary>
    Spare = 0,

    /// <summary>Fixed length.</summary>
    Fixed,

    /// <summary>Extended length: parts chained by the FX bit (bit 1 of each part's last octet).</summary>
    Extended,

    /// <summary>Repetitive: a REP octet, then REP elements of fixed size.</summary>
    Repetitive,

    /// <summary>Explicit length: a LEN octet (counting itself), then LEN − 1 octets (RE, SP).</summary>
    Explicit,

    /// <summary>Compound: a primary subfield (FX chain of presence bits), then the present subfields in order.</summary>
    Compound,
}
