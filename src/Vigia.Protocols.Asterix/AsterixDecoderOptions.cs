using Vigia.Protocols.Asterix.Cat062;

namespace Vigia.Protocols.Asterix;

/// <summary>What the peer sends, where the wire cannot say: ASTERIX carries no edition number.</summary>
/// <remarks>
/// House style §4.8. The default value decodes CAT-062 with the edition 1.x UAP. Thread-safety: an immutable value.
/// </remarks>
public readonly record struct AsterixDecoderOptions
{
    /// <summary>The CAT-062 edition the source sends (agreed in its ICD). Default: <see cref="Cat062Edition.Edition1"/>.</summary>
    public Cat062Edition Cat062Edition { get; init; }
}
