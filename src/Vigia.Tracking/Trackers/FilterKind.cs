namespace Vigia.Tracking.Trackers;

/// <summary>The per-track filter.</summary>
public enum FilterKind
{
    /// <summary>Interacting multiple model over <see cref="TrackerOptions.Imm"/> (default).</summary>
    Imm = 0,

    /// <summary>A single nearly-constant-velocity Kalman filter (<see cref="TrackerOptions.SingleModel"/>).</summary>
    ConstantVelocity = 1,
}
