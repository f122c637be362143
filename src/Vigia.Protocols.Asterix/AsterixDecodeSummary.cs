namespace Vigia.Protocols.Asterix;

/// <summary>What one <see cref="AsterixDecoder.Decode{THandler}"/> call found.</summary>
/// <param name="Blocks">Data blocks framed (whatever their category).</param>
/// <param name="Records">Records decoded and handed to the handler.</param>
/// <param name="Malformed">Refusals with <see cref="DecodeStatus.InvalidData"/> (a record, or the framing).</param>
/// <param name="Unsupported">Blocks refused with <see cref="DecodeStatus.Unsupported"/> (category or edition).</param>
public readonly record struct AsterixDecodeSummary(int Blocks, int Records, int Malformed, int Unsupported);
