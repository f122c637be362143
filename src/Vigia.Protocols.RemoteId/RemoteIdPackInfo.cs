namespace Vigia.Protocols.RemoteId;

/// <summary>What a pack decode found besides the messages: header fields, counts and pack-level anomalies.</summary>
/// <param name="ProtocolVersion">Protocol version nibble of the pack header.</param>
/// <param name="DeclaredCount">Message count in the header.</param>
/// <param name="Count">Messages decoded into the destination.</param>
/// <param name="DroppedCount">Messages that failed to decode and were dropped (as the reference does).</param>
/// <param name="Anomalies">Pack-level anomalies; each message carries its own.</param>
public readonly record struct RemoteIdPackInfo(byte ProtocolVersion, int DeclaredCount, int Count, int DroppedCount, RemoteIdAnomalies Anomalies);
