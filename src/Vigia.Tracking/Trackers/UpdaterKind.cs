namespace Vigia.Tracking.Trackers;

/// <summary>How measurements update a Gaussian state.</summary>
public enum UpdaterKind
{
    /// <summary>Extended Kalman (linearised at the prediction).</summary>
    Extended = 0,

    /// <summary>Unscented Kalman (sigma points).</summary>
    Unscented = 1,
}
