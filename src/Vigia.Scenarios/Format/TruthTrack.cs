namespace Vigia.Scenarios.Format;

/// <summary>One ground-truth target of a scenario (<c>truth[]</c>); for scoring only, never for tracking.</summary>
/// <param name="Id">Truth id.</param>
/// <param name="UasId">Remote ID identity if the target broadcasts, else null.</param>
/// <param name="BirthSeconds">Birth time, seconds after the epoch.</param>
/// <param name="DeathSeconds">Death time, or null if alive at the end.</param>
/// <param name="States">States sampled at the radar scan times while alive, in time order.</param>
public sealed record TruthTrack(int Id, string? UasId, double BirthSeconds, double? DeathSeconds, IReadOnlyList<TruthState> States)
{
    /// <summary>The role the file gives (<c>role</c>), or null when it gives none.</summary>
    public TruthRole? Role { get; init; }

    /// <summary>
    /// The role for evaluation: <see cref="Role"/> if given, else <see cref="TruthRole.Threat"/> without a
    /// Remote ID and <see cref="TruthRole.Cooperative"/> with one.
    /// </summary>
    public TruthRole EffectiveRole => Role ?? (UasId is null ? TruthRole.Threat : TruthRole.Cooperative);

    /// <summary>The file's text for a role: <c>threat</c>, <c>cooperative</c> or <c>allowed</c>.</summary>
    public static string RoleText(TruthRole role) => role switch
    {
        TruthRole.Threat => "threat",
        TruthRole.Cooperative => "cooperative",
        TruthRole.Allowed => "allowed",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "unknown role"),
    };

    /// <summary>The role a file's text names, or null if it names none.</summary>
    public static TruthRole? ParseRole(string? text) => text switch
    {
        "threat" => TruthRole.Threat,
        "cooperative" => TruthRole.Cooperative,
        "allowed" => TruthRole.Allowed,
        _ => null,
    };
}

/// <summary>A truth state: time (s after the epoch), ENU position (m) and velocity (m/s).</summary>
/// <param name="T">Seconds after the epoch.</param>
/// <param name="X">East, m.</param>
/// <param name="Y">North, m.</param>
/// <param name="Z">Up, m.</param>
/// <param name="Vx">East velocity, m/s.</param>
/// <param name="Vy">North velocity, m/s.</param>
/// <param name="Vz">Up velocity, m/s.</param>
public readonly record struct TruthState(double T, double X, double Y, double Z, double Vx, double Vy, double Vz);
