using Vigia.Core.Time;
using Vigia.Protocols.RemoteId;
using Vigia.Protocols.RemoteId.Transports;

namespace Vigia.Sensors.RemoteId;

/// <summary>
/// The current picture of one broadcasting aircraft, assembled from every message its sender(s) sent:
/// identities, latest position and velocity with its rebuilt time, operator position, self-ID text,
/// operator ID, authentication pages, and the plausibility flags of the latest update.
/// </summary>
/// <remarks>Thread-safety: mutable; owned by the single adapter loop that feeds its <see cref="RemoteIdAssembler"/>.</remarks>
public sealed class UasPicture
{
    private readonly Dictionary<SenderAddress, Timestamp> _senders = [];

    internal UasPicture(UasKey? key) => Key = key;

    /// <summary>The identity, or null while no Basic ID has been heard from the sender.</summary>
    public UasKey? Key { get; internal set; }

    /// <summary>Every Basic ID heard (a UAS may send a serial number and a registration ID).</summary>
    public List<BasicIdMessage> BasicIds { get; } = [];

    /// <summary>The latest Location/Vector message, if any.</summary>
    public LocationMessage? Location { get; internal set; }

    /// <summary>The latest position as the domain sees it: sentinels turned into absent values, time rebuilt.</summary>
    public RemoteIdPosition? Position { get; internal set; }

    /// <summary>The instant the latest position is for (rebuilt from its timestamp, else the receive time).</summary>
    public Timestamp? LocationTime { get; internal set; }

    /// <summary>The latest System message (operator position, area, classification), if any.</summary>
    public SystemMessage? System { get; internal set; }

    /// <summary>The latest Self-ID message (free-text purpose), if any.</summary>
    public SelfIdMessage? SelfId { get; internal set; }

    /// <summary>The latest Operator ID message, if any.</summary>
    public OperatorIdMessage? OperatorId { get; internal set; }

    /// <summary>Authentication pages received, by page number (0..15).</summary>
    public SortedDictionary<byte, AuthenticationMessage> AuthenticationPages { get; } = [];

    /// <summary>Plausibility concerns about the latest update.</summary>
    public PlausibilityConcerns Concerns { get; internal set; }

    /// <summary>When anything was last received from this aircraft.</summary>
    public Timestamp LastReceived { get; internal set; }

    /// <summary>When this aircraft was first heard.</summary>
    public Timestamp FirstReceived { get; internal set; }

    /// <summary>Sender addresses heard for this aircraft, with when each was last heard.</summary>
    public IReadOnlyDictionary<SenderAddress, Timestamp> Senders => _senders;

    /// <summary>True once every page up to the announced last page of an authentication has arrived.</summary>
    public bool AuthenticationComplete =>
        AuthenticationPages.TryGetValue(0, out var first) &&
        Enumerable.Range(0, first.LastPageIndex + 1).All(p => AuthenticationPages.ContainsKey((byte)p));

    internal void Heard(SenderAddress sender, Timestamp time)
    {
        _senders[sender] = time;
        LastReceived = time;
    }

    internal void MergeFrom(UasPicture other)
    {
        foreach (var (sender, time) in other._senders)
        {
            _senders[sender] = time;
        }

        Location ??= other.Location;
        Position ??= other.Position;
        LocationTime ??= other.LocationTime;
        System ??= other.System;
        SelfId ??= other.SelfId;
        OperatorId ??= other.OperatorId;
        foreach (var (page, message) in other.AuthenticationPages)
        {
            AuthenticationPages.TryAdd(page, message);
        }

        if (other.FirstReceived < FirstReceived)
        {
            FirstReceived = other.FirstReceived;
        }
    }
}
