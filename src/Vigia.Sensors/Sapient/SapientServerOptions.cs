using System.Net;
using Vigia.Core.Geodesy;
using Vigia.Protocols.Sapient;
using Vigia.Protocols.Sapient.Validation;

namespace Vigia.Sensors.Sapient;

/// <summary>Settings of the SAPIENT fusion node server, with documented defaults (house style §4.8: leniency is configuration).</summary>
public sealed record SapientServerOptions
{
    /// <summary>This fusion node's own node_id (a UUID), sent in RegistrationAck, AlertAck and Error messages. Required.</summary>
    public required string FusionNodeId { get; init; }

    /// <summary>Where to listen. Default loopback, port 0 (the system picks a free port; see <see cref="SapientFusionServer.LocalEndPoint"/>).</summary>
    public IPEndPoint EndPoint { get; init; } = new(IPAddress.Loopback, 0);

    /// <summary>Largest SAPIENT message accepted, bytes; a longer length prefix closes the connection. Default 1 MiB.</summary>
    public int MaxFrameLength { get; init; } = SapientFraming.DefaultMaxFrameLength;

    /// <summary>Most simultaneous node connections; more are closed at once and counted. Default 64.</summary>
    public int MaxConnections { get; init; } = 64;

    /// <summary>Capacity of the event channel; when full, new events are dropped and counted (never blocking a node). Default 10 000.</summary>
    public int EventCapacity { get; init; } = 10_000;

    /// <summary>A connection that has not registered within this time is closed. Default 30 s.</summary>
    public TimeSpan RegistrationTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A connection that sends nothing for this long is closed (the server only answers, so without it a node that
    /// lost power or its link would hold its node_id and a connection slot for ever). A registered node gets at
    /// least <see cref="HeartbeatLostFactor"/> of its declared status intervals. Default 60 s.
    /// </summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A reply (acknowledgement or Error) not written within this time closes that connection. Default 5 s.</summary>
    public TimeSpan SendTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>This many invalid messages in a row close the connection. Default 20.</summary>
    public int MaxConsecutiveInvalidMessages { get; init; } = 20;

    /// <summary>Reply to each refused message with a SAPIENT Error message naming the field and reason. Default true.</summary>
    public bool ReplyWithErrors { get; init; } = true;

    /// <summary>Prefix of the <c>SensorId</c> given to a node's observations: prefix + node_id. Default <c>sapient:</c>.</summary>
    public string SensorIdPrefix { get; init; } = "sapient:";

    /// <summary>
    /// The tracker's picture frame. Needed for range-bearing detections, which become range/azimuth/elevation
    /// measurements from the node's position in this frame; without it they are counted as unmapped. Default null.
    /// </summary>
    public LocalTangentPlane? PictureFrame { get; init; }

    /// <summary>Geoid model for heights on the WGS-84 geoid (<c>LOCATION_DATUM_WGS84_G</c>); without it such locations are unmapped. Default null.</summary>
    public IGeoidModel? Geoid { get; init; }

    /// <summary>
    /// Read x_error and y_error of latitude/longitude locations as metres (true, what Vigía's golden messages do) rather
    /// than in the coordinate units, degrees or radians (false). z_error is always metres. Default true.
    /// </summary>
    public bool LocationErrorsInMeters { get; init; } = true;

    /// <summary>1-sigma horizontal error used when a location gives none, metres. Default 30.</summary>
    public double DefaultHorizontalSigmaMeters { get; init; } = 30;

    /// <summary>1-sigma vertical error used when a location gives none, metres. Default 45.</summary>
    public double DefaultVerticalSigmaMeters { get; init; } = 45;

    /// <summary>1-sigma standing in for a missing height (z absent), metres: the height is then not informative. Default 1000.</summary>
    public double MissingHeightSigmaMeters { get; init; } = 1000;

    /// <summary>1-sigma range error used when a range-bearing gives none, metres. Default 15.</summary>
    public double DefaultRangeSigmaMeters { get; init; } = 15;

    /// <summary>1-sigma azimuth and elevation error used when a range-bearing gives none, radians. Default 1° (0.01745).</summary>
    public double DefaultAngleSigmaRadians { get; init; } = Math.PI / 180;

    /// <summary>1-sigma of the elevation assumed (0) when a range-bearing with a range gives no elevation, radians. Default 0.5.</summary>
    public double UnknownElevationSigmaRadians { get; init; } = 0.5;

    /// <summary>A node's health turns Degraded when its last status report is older than this many status intervals. Default 2.</summary>
    public double HeartbeatLateFactor { get; init; } = 2;

    /// <summary>A node's health turns Down when its last status report is older than this many status intervals. Default 5.</summary>
    public double HeartbeatLostFactor { get; init; } = 5;

    /// <summary>
    /// Decides whether a node may register, given its node_id: null admits it, a reason refuses it (a negative
    /// RegistrationAck carrying the reason; the connection stays unregistered, so everything else it sends is refused
    /// and it is closed at the registration timeout). Called for every registration, a node's re-registrations
    /// included. Default null (every node is admitted).
    /// </summary>
    public Func<string, string?>? AdmitNode { get; init; }

    /// <summary>Checks the settings (programming or configuration errors throw).</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        if (!SapientIds.IsUuid(FusionNodeId))
        {
            throw new ArgumentException("FusionNodeId must be a UUID", nameof(FusionNodeId));
        }

        ArgumentNullException.ThrowIfNull(EndPoint);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFrameLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxFrameLength, SapientFraming.AbsoluteMaxFrameLength);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConnections, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(EventCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConsecutiveInvalidMessages, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RegistrationTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SendTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(IdleTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(HeartbeatLateFactor, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(HeartbeatLostFactor, HeartbeatLateFactor);
        foreach (var sigma in (ReadOnlySpan<double>)[DefaultHorizontalSigmaMeters, DefaultVerticalSigmaMeters, MissingHeightSigmaMeters, DefaultRangeSigmaMeters, DefaultAngleSigmaRadians, UnknownElevationSigmaRadians])
        {
            if (!double.IsFinite(sigma) || sigma <= 0)
            {
                throw new ArgumentException("every default sigma must be finite and positive");
            }
        }
    }
}
