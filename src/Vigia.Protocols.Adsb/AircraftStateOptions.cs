namespace Vigia.Protocols.Adsb;

/// <summary>Settings of an <see cref="AircraftStateTable"/>: its size, the CPR pair windows and the receiver reference.</summary>
/// <remarks>Defaults follow DO-260B §A.1.7 and the behaviour of dump1090-mutability 1.15 (see the project README).</remarks>
public sealed record AircraftStateOptions
{
    /// <summary>Most aircraft held at once (1–65536); the least recently seen is dropped for a new one. Default 2048.</summary>
    public int Capacity { get; init; } = 2048;

    /// <summary>Longest time between the even and odd airborne frames of a global decode. Default 10 s (DO-260B §A.1.7.7).</summary>
    public TimeSpan AirbornePairWindow { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest time between surface frames of a global decode when faster than 25 kt or speed unknown. Default 25 s.</summary>
    public TimeSpan SurfacePairWindow { get; init; } = TimeSpan.FromSeconds(25);

    /// <summary>Longest time between surface frames of a global decode at 25 kt or slower. Default 50 s.</summary>
    public TimeSpan SlowSurfacePairWindow { get; init; } = TimeSpan.FromSeconds(50);

    /// <summary>Receiver latitude, WGS-84 degrees; with <see cref="ReceiverLongitudeDegrees"/> enables receiver-relative decoding and the range check.</summary>
    public double? ReceiverLatitudeDegrees { get; init; }

    /// <summary>Receiver longitude, WGS-84 degrees.</summary>
    public double? ReceiverLongitudeDegrees { get; init; }

    /// <summary>
    /// The receiver's maximum range, metres (default 300 NM). Positions farther from the receiver are bad data.
    /// It also bounds receiver-relative local decoding: within this range when it is at most 180 NM (half an
    /// airborne zone), else within 360 NM minus it, so that no answer is ambiguous; none at 360 NM or more.
    /// </summary>
    public double ReceiverMaxRangeMeters { get; init; } = 300 * MetersPerNauticalMile;

    /// <summary>Fixed part of the distance a local decode against the aircraft's last position may move it. Default 5 km.</summary>
    public double LocalDecodeBaseRangeMeters { get; init; } = 5_000;

    /// <summary>Speed bound for the same check, metres per second of time since the last position. Default 2000 km/h.</summary>
    public double LocalDecodeMaxSpeedMetersPerSecond { get; init; } = 2_000_000.0 / 3600.0;

    /// <summary>Oldest last position still used as a local reference. Default 60 s.</summary>
    public TimeSpan LocalReferenceMaxAge { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Metres in a nautical mile.</summary>
    public const double MetersPerNauticalMile = 1852.0;

    /// <summary>True when both receiver coordinates are set.</summary>
    public bool HasReceiver => ReceiverLatitudeDegrees is not null && ReceiverLongitudeDegrees is not null;

    /// <summary>Throws for values outside their documented ranges (called once, by the table's constructor).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Capacity, 1, nameof(Capacity));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Capacity, 65536, nameof(Capacity));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(AirbornePairWindow, TimeSpan.Zero, nameof(AirbornePairWindow));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SurfacePairWindow, TimeSpan.Zero, nameof(SurfacePairWindow));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SlowSurfacePairWindow, TimeSpan.Zero, nameof(SlowSurfacePairWindow));
        ArgumentOutOfRangeException.ThrowIfNegative(ReceiverMaxRangeMeters, nameof(ReceiverMaxRangeMeters));
        ArgumentOutOfRangeException.ThrowIfNegative(LocalDecodeBaseRangeMeters, nameof(LocalDecodeBaseRangeMeters));
        ArgumentOutOfRangeException.ThrowIfNegative(LocalDecodeMaxSpeedMetersPerSecond, nameof(LocalDecodeMaxSpeedMetersPerSecond));
        if (ReceiverLatitudeDegrees is { } lat && (double.IsNaN(lat) || Math.Abs(lat) > 90))
        {
            throw new ArgumentOutOfRangeException(nameof(ReceiverLatitudeDegrees), lat, "Latitude must be within ±90°.");
        }

        if (ReceiverLongitudeDegrees is { } lon && (double.IsNaN(lon) || Math.Abs(lon) > 180))
        {
            throw new ArgumentOutOfRangeException(nameof(ReceiverLongitudeDegrees), lon, "Longitude must be within ±180°.");
        }
    }
}
