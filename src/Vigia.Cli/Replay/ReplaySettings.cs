using Vigia.Core.Geodesy;

namespace Vigia.Cli.Replay;

/// <summary>What <c>vigia replay --scenario</c> was asked to do.</summary>
internal sealed record ReplaySettings
{
    /// <summary>The scenario file (bundled scenarios already extracted).</summary>
    public required string ScenarioPath { get; init; }

    /// <summary>Name used in client ids (<c>NAME/SCAN/DETECTION</c>) and sensor descriptions.</summary>
    public required string ScenarioName { get; init; }

    /// <summary>Prefix of the client ids instead of <see cref="ScenarioName"/> (<c>PREFIX/SCAN/DETECTION</c>), or null.</summary>
    public string? ClientIdPrefix { get; init; }

    /// <summary>The server.</summary>
    public required Uri Server { get; init; }

    /// <summary>Bearer key (admin to register sensors and post for all of them).</summary>
    public required string Key { get; init; }

    /// <summary>WGS-84 origin of the scenario's ENU frame given on the command line (wins over the file's).</summary>
    public GeoPosition? Origin { get; init; }

    /// <summary>Scenario seconds per wall-clock second; 0 = as fast as the server acknowledges.</summary>
    public double Speed { get; init; } = 1.0;
}
