namespace Vigia.Protocols.Asterix;

/// <summary>Why ASTERIX bytes were refused.</summary>
public enum AsterixErrorCode
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>A data block's LEN is smaller than its 3-octet header plus one record octet (ASTERIX Part 1 §4.2: a block holds one or more records).</summary>
    BlockLengthInvalid,

    /// <summary>A data block's LEN runs past the end of the datagram or file.</summary>
    BlockTruncated,

    /// <summary>The block's category has no decoder here (status <see cref="DecodeStatus.Unsupported"/>).</summary>
    UnsupportedCategory,

    /// <summary>The configured edition of the category is recognised but not decoded (status <see cref="DecodeStatus.Unsupported"/>).</summary>
    UnsupportedEdition,

    /// <summary>An item, FSPEC octet or repetition runs past the end of the block.</summary>
    Truncated,

    /// <summary>The FSPEC's FX chain is longer than the category's UAP allows.</summary>
    FspecTooLong,

    /// <summary>The FSPEC has no item bit set.</summary>
    EmptyRecord,

    /// <summary>The FSPEC sets a bit the UAP leaves spare ("-"): the item's length is unknown, so the record cannot be delimited.</summary>
    UndefinedItem,

    /// <summary>An extended (FX) item has more parts than its specification defines.</summary>
    ExtensionTooLong,

    /// <summary>A compound item's primary subfield is longer than its subfields need.</summary>
    CompoundFspecTooLong,

    /// <summary>A compound item's primary subfield sets a bit for a subfield the specification does not define.</summary>
    UndefinedSubfield,

    /// <summary>An explicit-length item (RE, SP) declares a length of 0 (the length octet counts itself).</summary>
    ExplicitLengthInvalid,

    /// <summary>A record is longer than any data block can carry (65,532 octets).</summary>
    RecordTooLong,

    /// <summary>A value outside the range its specification defines (for example a time of day of 24 h or more).</summary>
    ValueOutOfRange,
}
