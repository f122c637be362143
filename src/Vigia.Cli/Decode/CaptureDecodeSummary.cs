using System.Globalization;

namespace Vigia.Cli.Decode;

/// <summary>What <c>vigia decode FILE</c> saw in a capture: the counts its summary prints.</summary>
internal sealed class CaptureDecodeSummary
{
    public long FramesRead { get; set; }

    public long RemoteIdFrames { get; set; }

    public long Decoded { get; set; }

    public long CrcFailedSkipped { get; set; }

    /// <summary>Frames rejected, by reason code (transport or message layer).</summary>
    public SortedDictionary<string, long> Rejected { get; } = new(StringComparer.Ordinal);

    public int DronesSeen { get; set; }

    /// <summary>Of <see cref="DronesSeen"/>, senders whose Basic ID never came.</summary>
    public int DronesWithoutBasicId { get; set; }

    /// <summary>Frames dropped because the decoder threw (each one a bug); shown in the summary only when non-zero.</summary>
    public long InternalErrors { get; set; }

    /// <summary>The fault that ended reading early, if any (records before it were decoded).</summary>
    public string? ReadError { get; set; }

    public long RejectedTotal => Rejected.Values.Sum();

    public void Reject(string reason) => Rejected[reason] = Rejected.GetValueOrDefault(reason) + 1;

    public string Format()
    {
        var internalErrors = InternalErrors == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $", internal errors {InternalErrors}");
        var reasons = Rejected.Count == 0 ? "" : " (" + string.Join(", ", Rejected.Select(r => $"{r.Key}={r.Value}")) + ")";
        return string.Create(CultureInfo.InvariantCulture,
            $"frames read {FramesRead}, Remote ID frames {RemoteIdFrames}, decoded {Decoded}, rejected {RejectedTotal}{reasons}, CRC-failed skipped {CrcFailedSkipped}, drones seen {DronesSeen} ({DronesWithoutBasicId} without a Basic ID){internalErrors}");
    }
}
