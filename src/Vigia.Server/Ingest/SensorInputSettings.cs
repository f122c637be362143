using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Vigia.Server.Hosting;

namespace Vigia.Server.Ingest;

/// <summary>
/// Start-up checks of the in-process sensor inputs' settings (<c>Vigia:Radar</c>, <c>Vigia:AdsbSources</c>,
/// <c>Vigia:Sapient</c>): everything that would otherwise only fail inside a running input, each problem named by
/// its setting. What only the run can tell (a port in use, an interface not up) is retried there, not checked here.
/// </summary>
/// <remarks>Thread-safety: stateless.</remarks>
public sealed class SensorInputSettings : IValidateOptions<VigiaServerOptions>
{
    /// <summary>The longest timeout or retry wait accepted, seconds (a day).</summary>
    private const double MaxSeconds = 86_400;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, VigiaServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Problems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Each problem with the settings, naming the setting; none when they are usable.</summary>
    public static IEnumerable<string> Problems(VigiaServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        for (var i = 0; i < options.AdsbSources.Count; i++)
        {
            if (!IsSeconds(options.AdsbSources[i].IdleTimeoutSeconds))
            {
                yield return $"Vigia:AdsbSources:{i}:IdleTimeoutSeconds must be above 0 and at most {MaxSeconds} (seconds)";
            }
        }

        if (!IsSeconds(options.Sapient.IdleTimeoutSeconds))
        {
            yield return $"Vigia:Sapient:IdleTimeoutSeconds must be above 0 and at most {MaxSeconds} (seconds)";
        }

        foreach (var problem in RadarProblems(options.Radar))
        {
            yield return problem;
        }
    }

    private static IEnumerable<string> RadarProblems(RadarOptions radar)
    {
        if (radar.Listen.Length == 0 && radar.Pcap.Length == 0)
        {
            yield break;
        }

        if (radar.Listen.Length > 0 && !(IPEndPoint.TryParse(radar.Listen, out var listen) && listen.AddressFamily == AddressFamily.InterNetwork && listen.Port > 0))
        {
            yield return $"Vigia:Radar:Listen \"{radar.Listen}\" must be an IPv4 address:port (ASTERIX over UDP is received on IPv4), e.g. 0.0.0.0:21111";
        }

        if (radar.MulticastGroup.Length > 0)
        {
            if (!(IPAddress.TryParse(radar.MulticastGroup, out var group) && group.AddressFamily == AddressFamily.InterNetwork && (group.GetAddressBytes()[0] & 0xF0) == 0xE0))
            {
                yield return $"Vigia:Radar:MulticastGroup \"{radar.MulticastGroup}\" must be an IPv4 multicast address (224.0.0.0 to 239.255.255.255), or empty for unicast";
            }

            if (radar.Listen.Length == 0)
            {
                yield return "Vigia:Radar:MulticastGroup needs Vigia:Radar:Listen (the group's port)";
            }
        }

        if (!IsSeconds(radar.ListenRetryInitialSeconds) || !IsSeconds(radar.ListenRetryMaxSeconds))
        {
            yield return $"Vigia:Radar:ListenRetryInitialSeconds and ListenRetryMaxSeconds must be above 0 and at most {MaxSeconds} (seconds)";
        }

        if (radar.PcapPorts.Any(p => p is < 1 or > 65535))
        {
            yield return "Vigia:Radar:PcapPorts must be UDP ports (1-65535)";
        }

        if (radar.Sites.Count + radar.TrackSources.Count == 0)
        {
            yield return "Vigia:Radar needs at least one of Sites or TrackSources";
        }

        var seen = new Dictionary<(byte Sac, byte Sic), string>();
        var entries = radar.Sites.Select((s, i) => (Path: $"Vigia:Radar:Sites:{i}", s.Sensor, s.Sac, s.Sic))
            .Concat(radar.TrackSources.Select((s, i) => (Path: $"Vigia:Radar:TrackSources:{i}", s.Sensor, s.Sac, s.Sic)));
        foreach (var (path, sensor, sac, sic) in entries)
        {
            if (string.IsNullOrWhiteSpace(sensor))
            {
                yield return $"{path}:Sensor is required (a registered radar sensor)";
            }

            if (!seen.TryAdd((sac, sic), path))
            {
                yield return $"{path}: SAC/SIC {sac}/{sic} is already configured as {seen[(sac, sic)]}; each data source may be configured once";
            }
        }

        for (var i = 0; i < radar.Sites.Count; i++)
        {
            var site = radar.Sites[i];
            if (!(Math.Abs(site.NorthAlignmentDegrees) <= 180))
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"Vigia:Radar:Sites:{i}:NorthAlignmentDegrees {site.NorthAlignmentDegrees} must be within ±180");
            }

            if (!IsPositive(site.RangeSigmaMeters) || !IsPositive(site.AzimuthSigmaDegrees))
            {
                yield return $"Vigia:Radar:Sites:{i}: RangeSigmaMeters and AzimuthSigmaDegrees must be finite and above 0";
            }
        }
    }

    private static bool IsSeconds(double seconds) => seconds is > 0 and <= MaxSeconds;

    private static bool IsPositive(double value) => double.IsFinite(value) && value > 0;
}
