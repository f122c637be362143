namespace Vigia.Tracking.Filters;

/// <summary>
/// Layout of the kinematic state every Vigía filter uses: ENU position then velocity,
/// <c>[east m, north m, up m, v_east m/s, v_north m/s, v_up m/s]</c>; covariances are 6 × 6 row-major.
/// </summary>
public static class StateVector
{
    /// <summary>State dimension.</summary>
    public const int Size = 6;

    /// <summary>Number of covariance elements (6 × 6).</summary>
    public const int CovarianceSize = Size * Size;

    /// <summary>Index of the east position.</summary>
    public const int East = 0;

    /// <summary>Index of the north position.</summary>
    public const int North = 1;

    /// <summary>Index of the up position.</summary>
    public const int Up = 2;

    /// <summary>Index of the east velocity.</summary>
    public const int VelocityEast = 3;

    /// <summary>Index of the north velocity.</summary>
    public const int VelocityNorth = 4;

    /// <summary>Index of the up velocity.</summary>
    public const int VelocityUp = 5;
}
