namespace Vigia.Protocols.Adsb;

/// <summary>Whether <see cref="ModeSDecoder"/> refuses a reply whose parity does not match (house style §4.8: leniency is configuration).</summary>
public enum ParityCheck : byte
{
    /// <summary>Refuse DF11/17/18 replies with a non-zero CRC syndrome (the safe default).</summary>
    Verify = 0,

    /// <summary>Decode the fields whatever the parity says (tools and tests on synthetic messages only).</summary>
    Ignore = 1,
}
