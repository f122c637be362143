using Vigia.Core.Geodesy;
using Vigia.Core.Observations;
using Vigia.Tracking.Filters;
using Vigia.Tracking.Models;

namespace Vigia.Tracking.Trackers;

/// <summary>
/// Every parameter of <see cref="MultiTargetTracker"/>, with units and defaults. The defaults
/// were tuned on simulated multicopter scenarios of seeds other than 1 and 2 (the shared
/// benchmark files are for measuring only); see docs/tracking.md.
/// </summary>
public sealed record TrackerOptions
{
    /// <summary>Which filter each track runs.</summary>
    public FilterKind Filter { get; init; } = FilterKind.Imm;

    /// <summary>Measurement update for every filter kind: extended (default) or unscented.</summary>
    public UpdaterKind Updater { get; init; } = UpdaterKind.Extended;

    /// <summary>
    /// Acceleration noise of the single constant-velocity model used when <see cref="Filter"/> is
    /// not <see cref="FilterKind.Imm"/>, m²/s³ (horizontal, vertical).
    /// </summary>
    public ConstantVelocityModel SingleModel { get; init; } = new(5.0, 0.5);

    /// <summary>
    /// The single motion model of tentative tracks (acceleration noise, m²/s³): cheap, since most
    /// tentative tracks are clutter; a confirmed track switches to <see cref="Filter"/>.
    /// </summary>
    public ConstantVelocityModel InitiationModel { get; init; } = new(5.0, 0.5);

    /// <summary>The IMM's models and switching, used when <see cref="Filter"/> is <see cref="FilterKind.Imm"/>.</summary>
    public ImmOptions Imm { get; init; } = DefaultImm;

    /// <summary>1-sigma of the unknown velocity of a new track, horizontal, m/s.</summary>
    public double InitialVelocityStdHorizontal { get; init; } = 12.0;

    /// <summary>1-sigma of the unknown velocity of a new track, vertical, m/s.</summary>
    public double InitialVelocityStdVertical { get; init; } = 3.0;

    /// <summary>Association gate: a pair is considered only if ν S⁻¹ ν ≤ this (squared Mahalanobis distance).</summary>
    public double GateMahalanobisSquared { get; init; } = 25.0;

    /// <summary>Gate for a Remote ID report whose UAS ID matches the track's (a wider window: identity already ties them).</summary>
    public double IdentityGateMahalanobisSquared { get; init; } = 400.0;

    /// <summary>
    /// Association gate for a confirmed track that a scan finds unseen for longer than
    /// <see cref="DisplayCoastSeconds"/> (it drops off the display unless this scan updates it; with a
    /// 1 Hz radar, a track that missed its last scan). A plot that fits its grown prediction only loosely
    /// is then more often another object (a newcomer nearby) than the target, so it starts a tentative
    /// track instead, which still takes the coasting track's number if it is confirmed where that track
    /// is predicted (<see cref="ReacquisitionGateMahalanobisSquared"/>). At most <see cref="GateMahalanobisSquared"/>.
    /// </summary>
    public double HiddenTrackGateMahalanobisSquared { get; init; } = 20.0;

    /// <summary>
    /// A confirmed track without a UAS ID that has lived through this many Remote ID scans without a
    /// report is non-cooperative: a report with a new UAS ID does not bind to it on its own (it starts
    /// its own track) unless the two prove to be one drone (<see cref="IdentityMergeReports"/>).
    /// </summary>
    public int NonCooperativeAfterIdentityScans { get; init; } = 3;

    /// <summary>
    /// Radar plots in a row, taken by the track a new UAS ID started beside a non-cooperative track, that
    /// fall in that track's gate (<see cref="GateMahalanobisSquared"/>) while it gets no plot of its own,
    /// before the non-cooperative track takes the identity (keeping its number) and absorbs the
    /// broadcaster's track: a drone first tracked by radar that comes into Remote ID range.
    /// </summary>
    public int IdentityMergeReports { get; init; } = 3;

    /// <summary>
    /// Gate (squared Mahalanobis distance on position, both covariances summed) within which a newly
    /// confirmed track continues a coasting track's number instead of taking a new one.
    /// </summary>
    public double ReacquisitionGateMahalanobisSquared { get; init; } = 50.0;

    /// <summary>Association bonus, in log-likelihood units (nats), for a report whose UAS ID matches the track's.</summary>
    public double IdentityBonus { get; init; } = 30.0;

    /// <summary>
    /// Track score (log-likelihood ratio of target versus clutter, summed over the hits since birth,
    /// nats) at which a tentative track is confirmed.
    /// </summary>
    public double ConfirmationScore { get; init; } = 8.0;

    /// <summary>Minimum number of observations before a track without identity is confirmed.</summary>
    public int MinimumHitsToConfirm { get; init; } = 2;

    /// <summary>Confirm a track on its first observation when it carries a broadcast identity (Remote ID).</summary>
    public bool ConfirmOnIdentity { get; init; } = true;

    /// <summary>A tentative track is deleted after this long without an update, seconds.</summary>
    public double TentativeTimeoutSeconds { get; init; } = 2.2;

    /// <summary>A confirmed track is shown while its last update is at most this old, seconds; older, it coasts unseen.</summary>
    public double DisplayCoastSeconds { get; init; } = 1.2;

    /// <summary>A confirmed track is deleted after this long without an update, seconds.</summary>
    public double DeleteAfterSeconds { get; init; } = 6.0;

    /// <summary>A track is deleted when the horizontal position standard deviation exceeds this, metres.</summary>
    public double MaximumPositionStdMeters { get; init; } = 400.0;

    /// <summary>Sensor model for sensors not listed in <see cref="Sensors"/>, by measurement kind.</summary>
    public IReadOnlyDictionary<MeasurementKind, SensorModel> DefaultSensorModels { get; init; } = new Dictionary<MeasurementKind, SensorModel>
    {
        [MeasurementKind.RangeAzimuthElevation] = new(0.9, 1e-4),
        [MeasurementKind.EnuPosition] = new(0.95, 1e-12),
        [MeasurementKind.GeodeticPosition] = new(0.95, 1e-12),
        [MeasurementKind.Azimuth] = new(0.9, 0.1),
        [MeasurementKind.AzimuthElevation] = new(0.9, 0.1),
    };

    /// <summary>Per-sensor detection probability and clutter density (e.g. from the radar's specification).</summary>
    public IReadOnlyDictionary<SensorId, SensorModel> Sensors { get; init; } = new Dictionary<SensorId, SensorModel>();

    /// <summary>
    /// The picture frame's geodetic origin; needed to fuse <see cref="MeasurementKind.GeodeticPosition"/>
    /// observations (without it they are rejected as unsupported).
    /// </summary>
    public LocalTangentPlane? Frame { get; init; }

    /// <summary>
    /// The number given to the first track (then counting up). A service that restarts sets it above the
    /// highest number it journalled, so track numbers are never reused across restarts.
    /// </summary>
    public long FirstTrackId { get; init; } = 1;

    /// <summary>
    /// The default IMM for multicopters: steady cruise (low-noise constant velocity), manoeuvre
    /// (high-noise constant velocity, for accelerations up to about 4 m/s²), left and right
    /// coordinated turns at 15 °/s, and hover (velocity decaying to zero within about 1 s).
    /// </summary>
    public static ImmOptions DefaultImm { get; } = new()
    {
        Models =
        [
            new ConstantVelocityModel(0.1, 0.05),
            new ConstantVelocityModel(30.0, 0.3),
            new CoordinatedTurnModel(15 * Math.PI / 180, 0.1, 0.01),
            new CoordinatedTurnModel(-15 * Math.PI / 180, 0.1, 0.01),
            new HoverModel(0.1, 0.01, 1.0),
        ],
        MeanSojournSeconds = [10.0, 4.0, 8.0, 8.0, 8.0],
        SwitchWeights = [1.0, 1.0, 0.5, 0.5, 0.5],
        InitialProbabilities = [0.3, 0.3, 0.1, 0.1, 0.2],
    };

    /// <summary>The sensor model of <paramref name="sensor"/> for a measurement of <paramref name="kind"/>.</summary>
    public SensorModel SensorModelFor(SensorId sensor, MeasurementKind kind) =>
        Sensors.TryGetValue(sensor, out var model) ? model
        : DefaultSensorModels.TryGetValue(kind, out var byKind) ? byKind
        : new SensorModel(0.9, 1e-6);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        static void Positive(double v, string name)
        {
            if (!(v > 0) || !double.IsFinite(v))
            {
                throw new ArgumentException($"{name} must be a positive number, got {v}", name);
            }
        }

        Positive(InitialVelocityStdHorizontal, nameof(InitialVelocityStdHorizontal));
        Positive(InitialVelocityStdVertical, nameof(InitialVelocityStdVertical));
        Positive(GateMahalanobisSquared, nameof(GateMahalanobisSquared));
        Positive(IdentityGateMahalanobisSquared, nameof(IdentityGateMahalanobisSquared));
        Positive(ReacquisitionGateMahalanobisSquared, nameof(ReacquisitionGateMahalanobisSquared));
        Positive(HiddenTrackGateMahalanobisSquared, nameof(HiddenTrackGateMahalanobisSquared));
        Positive(TentativeTimeoutSeconds, nameof(TentativeTimeoutSeconds));
        Positive(DisplayCoastSeconds, nameof(DisplayCoastSeconds));
        Positive(DeleteAfterSeconds, nameof(DeleteAfterSeconds));
        Positive(MaximumPositionStdMeters, nameof(MaximumPositionStdMeters));
        if (FirstTrackId < 1)
        {
            throw new ArgumentException("FirstTrackId must be at least 1", nameof(FirstTrackId));
        }

        if (NonCooperativeAfterIdentityScans < 1 || IdentityMergeReports < 1)
        {
            throw new ArgumentException("NonCooperativeAfterIdentityScans and IdentityMergeReports must be at least 1", nameof(NonCooperativeAfterIdentityScans));
        }

        if (MinimumHitsToConfirm < 1)
        {
            throw new ArgumentException("MinimumHitsToConfirm must be at least 1", nameof(MinimumHitsToConfirm));
        }

        if (Imm.Models.Count > 8)
        {
            throw new ArgumentException("at most 8 IMM models", nameof(Imm));
        }
    }
}
