using Vigia.Sensors.Capture;

namespace Vigia.Sensors.Radar;

/// <summary>What one <see cref="AsterixPcapReplay.Replay"/> pass found.</summary>
/// <param name="Packets">Capture records read.</param>
/// <param name="Skipped">Records that were not IPv4 UDP to a chosen port.</param>
/// <param name="Observations">Observations produced.</param>
/// <param name="FileError">Why the file stopped early (truncated or corrupt), or null when it ended cleanly.</param>
public sealed record AsterixReplaySummary(long Packets, long Skipped, long Observations, CaptureError? FileError);
