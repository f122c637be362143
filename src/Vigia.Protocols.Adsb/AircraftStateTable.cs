using Vigia.Core.Time;

namespace Vigia.Protocols.Adsb;

/// <summary>
/// A bounded table of aircraft seen on one receiver, by ICAO address: the last even and odd CPR frames, the last
/// position, callsign, altitude, velocity, Mode A code and operational status. Resolves positions from CPR:
/// globally from an even/odd pair within the pair window, else locally against the aircraft's last position or
/// the receiver (see <see cref="AircraftStateOptions"/>).
/// </summary>
/// <remarks>
/// Address/Parity replies (DF0/4/5/16/20/21) are applied only to aircraft already in the table, since a bit
/// error in them yields a wrong address; the table is filled by parity-checked DF11/17/18. Storage is allocated
/// once (capacity entries); applying a message allocates nothing. Times are those given with each message (the
/// receive time, or the receiver's clock), so replay gives the same answers as live.
/// Thread-safety: not thread-safe; one owner (the adapter loop) calls it.
/// </remarks>
public sealed partial class AircraftStateTable
{
    private readonly AircraftStateOptions _options;
    private readonly Dictionary<uint, int> _index;
    private readonly Entry[] _entries;
    private readonly int[] _free;
    private int _freeCount;

    /// <summary>Creates an empty table.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public AircraftStateTable(AircraftStateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _index = new Dictionary<uint, int>(options.Capacity);
        _entries = new Entry[options.Capacity];
        _free = new int[options.Capacity];
        for (var i = 0; i < _free.Length; i++)
        {
            _free[i] = _free.Length - 1 - i;
        }

        _freeCount = _free.Length;
    }

    /// <summary>The settings.</summary>
    public AircraftStateOptions Options => _options;

    /// <summary>Aircraft held now.</summary>
    public int Count => _index.Count;

    /// <summary>What happened to the messages applied so far.</summary>
    public AircraftStateCounters Counters { get; } = new();

    /// <summary>A snapshot of one aircraft, if held.</summary>
    public bool TryGet(IcaoAddress address, out AircraftState state)
    {
        if (_index.TryGetValue(address.Value, out var slot))
        {
            state = _entries[slot].State;
            return true;
        }

        state = default;
        return false;
    }

    /// <summary>Applies one decoded message received at <paramref name="time"/>.</summary>
    public AircraftUpdate Apply(in ModeSMessage message, Timestamp time)
    {
        int slot;
        var changes = AircraftChanges.Seen;
        if (message.AddressQualifier == AddressQualifier.AddressParity)
        {
            if (!_index.TryGetValue(message.Address.Value, out slot))
            {
                Counters.UnknownAddress++;
                return new AircraftUpdate { Address = message.Address };
            }
        }
        else if (message.AddressQualifier == AddressQualifier.None)
        {
            return new AircraftUpdate { Address = message.Address };
        }
        else if (!_index.TryGetValue(message.Address.Value, out slot))
        {
            slot = Create(message.Address, message.AddressQualifier, time);
            changes |= AircraftChanges.Created;
        }

        Counters.Applied++;
        ref var entry = ref _entries[slot];
        entry.State = entry.State with { LastSeen = time, MessageCount = entry.State.MessageCount + 1 };
        var position = default(AircraftPosition);
        changes |= ApplyBody(ref entry, message, time, ref position);
        if (message.CommBIdentification is { } commB)
        {
            // Comm-B carries no category: keep the one from an extended squitter, if any.
            var category = entry.State.Identification ?? default;
            entry.State = entry.State with { Identification = category with { Callsign = commB.Callsign } };
            changes |= AircraftChanges.Identification;
        }

        return new AircraftUpdate { Address = message.Address, Changes = changes, Position = position };
    }

    /// <summary>Drops every aircraft last seen before <paramref name="cutoff"/>; returns how many.</summary>
    public int RemoveSeenBefore(Timestamp cutoff)
    {
        var removed = 0;
        for (var i = 0; i < _entries.Length; i++)
        {
            ref var entry = ref _entries[i];
            if (entry.InUse && entry.State.LastSeen < cutoff)
            {
                Remove(i);
                removed++;
            }
        }

        return removed;
    }

    private AircraftChanges ApplyBody(ref Entry entry, in ModeSMessage message, Timestamp time, ref AircraftPosition position)
    {
        switch (message.Kind)
        {
            case AdsbMessageKind.Identification:
                entry.State = entry.State with { Identification = message.Identification };
                return AircraftChanges.Identification;
            case AdsbMessageKind.AirbornePosition:
                var airborne = message.AirbornePosition;
                entry.State = entry.State with
                {
                    BarometricAltitudeFeet = airborne.BarometricAltitudeFeet ?? entry.State.BarometricAltitudeFeet,
                    GnssHeightMeters = airborne.GnssHeightMeters ?? entry.State.GnssHeightMeters,
                };
                var altitude = airborne.BarometricAltitudeFeet is not null || airborne.GnssHeightMeters is not null ? AircraftChanges.Altitude : AircraftChanges.None;
                return altitude | ResolvePosition(ref entry, new CprFrame(airborne.EncodedLatitude, airborne.EncodedLongitude, time, surface: false), airborne.Format, airborne.TypeCode, null, ref position);
            case AdsbMessageKind.SurfacePosition:
                var surface = message.SurfacePosition;
                return ResolvePosition(ref entry, new CprFrame(surface.EncodedLatitude, surface.EncodedLongitude, time, surface: true), surface.Format, surface.TypeCode, surface.GroundSpeedKnots, ref position);
            case AdsbMessageKind.AirborneVelocity:
                entry.State = entry.State with { Velocity = message.Velocity, VelocityTime = time };
                return AircraftChanges.Velocity;
            case AdsbMessageKind.OperationalStatus:
                entry.State = entry.State with { OperationalStatus = message.OperationalStatus };
                return AircraftChanges.Status;
            case AdsbMessageKind.SurveillanceAltitude when message.AltitudeFeet is not null:
                entry.State = entry.State with { BarometricAltitudeFeet = message.AltitudeFeet };
                return AircraftChanges.Altitude;
            case AdsbMessageKind.SurveillanceIdentity:
                entry.State = entry.State with { Squawk = message.Squawk };
                return AircraftChanges.Squawk;
            default:
                return AircraftChanges.None;
        }
    }

    private int Create(IcaoAddress address, AddressQualifier qualifier, Timestamp time)
    {
        if (_freeCount == 0)
        {
            Remove(LeastRecentlySeen());
            Counters.Evicted++;
        }

        var slot = _free[--_freeCount];
        _entries[slot] = new Entry
        {
            InUse = true,
            State = new AircraftState { Address = address, AddressQualifier = qualifier, FirstSeen = time, LastSeen = time },
        };
        _index.Add(address.Value, slot);
        return slot;
    }

    private void Remove(int slot)
    {
        _index.Remove(_entries[slot].State.Address.Value);
        _entries[slot] = default;
        _free[_freeCount++] = slot;
    }

    private int LeastRecentlySeen()
    {
        var oldest = 0;
        for (var i = 1; i < _entries.Length; i++)
        {
            if (_entries[i].State.LastSeen < _entries[oldest].State.LastSeen)
            {
                oldest = i;
            }
        }

        return oldest;
    }

    private struct Entry
    {
        public bool InUse;
        public AircraftState State;
        public CprFrame Even;
        public CprFrame Odd;

        /// <summary>The last position may serve as a local reference (dump1090's "relative OK").</summary>
        public bool PositionReliable;
    }
}
