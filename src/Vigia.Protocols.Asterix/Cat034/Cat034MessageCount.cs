namespace Vigia.Protocols.Asterix.Cat034;

/// <summary>One repetition of I034/070 Message Count Values: counter type (5 bits) and count (11 bits) for the last scan.</summary>
/// <remarks>EUROCONTROL-SPEC-0149-2b §I034/070 (type 0 misses, 1 single PSR, 2 single SSR … 20 Mode S FRUIT). Thread-safety: a value.</remarks>
public readonly record struct Cat034MessageCount(int Type, int Count);
