using Vigia.Protocols.Asterix.Cat021;
using Vigia.Protocols.Asterix.Cat034;
using Vigia.Protocols.Asterix.Cat048;
using Vigia.Protocols.Asterix.Cat062;
using Vigia.Protocols.Asterix.Cat065;

namespace Vigia.Protocols.Asterix;

/// <summary>
/// Receives the records <see cref="AsterixDecoder.Decode{THandler}"/> finds, one call each, and every refusal.
/// Implement it on a struct (or ref struct) so the calls are direct and nothing is boxed.
/// </summary>
/// <remarks>
/// The records are views over the decoder's input: read what you need during the call, never keep them. A malformed
/// record ends its block (records are not delimited on the wire); decoding goes on with the next block.
/// </remarks>
public interface IAsterixRecordHandler
{
    /// <summary>A CAT-048 monoradar target report.</summary>
    void OnCat048(in Cat048Record record);

    /// <summary>A CAT-034 monoradar service message.</summary>
    void OnCat034(in Cat034Record record);

    /// <summary>A CAT-062 system track (edition 1.x).</summary>
    void OnCat062(in Cat062Record record);

    /// <summary>A CAT-065 SDPS service status message.</summary>
    void OnCat065(in Cat065Record record);

    /// <summary>A CAT-021 ADS-B target report (edition 2.x).</summary>
    void OnCat021(in Cat021Record record);

    /// <summary>
    /// A block or record was refused: <see cref="DecodeStatus.InvalidData"/> (the rest of that block is skipped) or
    /// <see cref="DecodeStatus.Unsupported"/> (the whole block is skipped). The error's offset counts from the start
    /// of the decoded span.
    /// </summary>
    void OnError(DecodeStatus status, in DecodeError error, byte category);
}
