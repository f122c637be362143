namespace Vigia.Sensors.Sapient;

/// <summary>
/// One class of a DetectionReport's classification tree, flattened: e.g. "UAV Rotary Wing" at level 1 under
/// "Air Vehicle", with the node's confidence (0..1) if it gave one.
/// </summary>
/// <param name="Type">The class name as the node reports it.</param>
/// <param name="Level">0 for a top-level class, then the sub_class level the node gives.</param>
/// <param name="Confidence">Confidence 0..1 that this class is right, or null.</param>
/// <param name="Parent">The class above it, or null at the top level.</param>
public sealed record SapientClass(string Type, int Level, double? Confidence, string? Parent);
