using System.Globalization;
using Vigia.Core.Geodesy;
using Vigia.Core.Time;
using Vigia.Protocols.RemoteId;
using Vigia.Protocols.RemoteId.Transports;

namespace Vigia.Sensors.RemoteId;

/// <summary>
/// Assembles decoded Remote ID messages into one <see cref="UasPicture"/> per aircraft, keyed by
/// (ID type, UAS ID) and merged across sender addresses. Messages that carry no Basic ID (a Bluetooth 4
/// sender sends one message per advertisement) join the picture of the last Basic ID their sender
/// sent; until one is heard they wait in a keyless picture for that sender, merged when it comes.
/// Each update is checked for plausibility (<see cref="PlausibilityConcerns"/>).
/// </summary>
/// <remarks>Thread-safety: not thread-safe; one adapter loop owns an instance.</remarks>
public sealed class RemoteIdAssembler(PlausibilityOptions? options = null)
{
    private readonly PlausibilityOptions _options = options ?? new PlausibilityOptions();
    private readonly Dictionary<UasKey, UasPicture> _byKey = [];
    private readonly Dictionary<SenderAddress, UasPicture> _bySender = [];

    /// <summary>Basic IDs kept per aircraft (F3411-22a: up to two, of different ID types).</summary>
    public const int MaximumBasicIds = 2;

    /// <summary>Aircraft with a Basic ID ever heard, forgotten ones included.</summary>
    public long IdentifiedSeen { get; private set; }

    /// <summary>Senders forgotten before their Basic ID was ever heard.</summary>
    public long UnidentifiedForgotten { get; private set; }

    /// <summary>Aircraft currently known (with a Basic ID).</summary>
    public IReadOnlyCollection<UasPicture> Known => _byKey.Values;

    /// <summary>Senders heard whose Basic ID has not been heard yet (each an aircraft of unknown identity).</summary>
    public int Unidentified => _bySender.Values.Count(p => p.Key is null);

    /// <summary>Applies the messages of one received frame from <paramref name="sender"/>; returns the updated picture.</summary>
    public UasPicture Apply(SenderAddress sender, Timestamp receiveTime, ReadOnlySpan<RemoteIdMessage> messages)
    {
        var picture = PictureFor(sender, receiveTime, messages);
        picture.Heard(sender, receiveTime);
        var previousLocation = picture.Location;
        var previousTime = picture.LocationTime;
        var flags = PlausibilityConcerns.None;
        foreach (ref readonly var message in messages)
        {
            switch (message.MessageType)
            {
                case RemoteIdMessageType.BasicId:
                    AddBasicId(picture, message.BasicId);
                    break;
                case RemoteIdMessageType.Location:
                    picture.Location = message.Location;
                    picture.Position = RemoteIdPosition.From(message.Location, receiveTime);
                    var rebuilt = RemoteIdTime.Rebuild(message.Location.TimestampSecondsAfterHour, receiveTime);
                    picture.LocationTime = rebuilt ?? receiveTime;
                    flags |= CheckLocation(message.Location, rebuilt, receiveTime);
                    break;
                case RemoteIdMessageType.Authentication:
                    picture.AuthenticationPages[message.Authentication.DataPage] = message.Authentication;
                    break;
                case RemoteIdMessageType.SelfId:
                    picture.SelfId = message.SelfId;
                    break;
                case RemoteIdMessageType.System:
                    picture.System = message.System;
                    break;
                case RemoteIdMessageType.OperatorId:
                    picture.OperatorId = message.OperatorId;
                    break;
            }
        }

        picture.Concerns = flags | CheckPicture(picture, previousLocation, previousTime, receiveTime);
        return picture;
    }

    /// <summary>Forgets aircraft not heard for <see cref="PlausibilityOptions.ForgetAfterSeconds"/> (bounded memory).</summary>
    public void Prune(Timestamp now)
    {
        foreach (var (key, picture) in _byKey.ToArray())
        {
            if (now.SecondsSince(picture.LastReceived) > _options.ForgetAfterSeconds)
            {
                _byKey.Remove(key);
            }
        }

        foreach (var (sender, picture) in _bySender.ToArray())
        {
            if (now.SecondsSince(picture.LastReceived) > _options.ForgetAfterSeconds)
            {
                _bySender.Remove(sender);
                if (picture.Key is null)
                {
                    UnidentifiedForgotten++;
                }
            }
        }
    }

    /// <summary>The identity text of a Basic ID: ASCII for serials and registrations, hexadecimal for binary ID types.</summary>
    public static UasKey KeyOf(in BasicIdMessage basicId)
    {
        var bytes = basicId.UasId.AsSpan();
        var text = basicId.IdType is UasIdType.UtmAssignedUuid or UasIdType.SpecificSessionId
            ? Convert.ToHexString(bytes[..(basicId.IdType == UasIdType.UtmAssignedUuid ? 16 : bytes.Length)]).ToLowerInvariant()
            : basicId.UasId.ToDisplayString().TrimEnd('\0', ' ');
        return new UasKey(basicId.IdType, text);
    }

    private UasPicture PictureFor(SenderAddress sender, Timestamp receiveTime, ReadOnlySpan<RemoteIdMessage> messages)
    {
        _bySender.TryGetValue(sender, out var bySender);
        UasKey? key = null;
        foreach (ref readonly var message in messages)
        {
            if (message.MessageType != RemoteIdMessageType.BasicId)
            {
                continue;
            }

            // The sender's aircraft again (the usual case): reuse its key rather than build the text anew.
            if (bySender is { Key: { } known } && SameId(bySender.BasicIds, message.BasicId))
            {
                key = known;
                break;
            }

            // ID type 0 ("none") still keys the aircraft when the ID field carries text: some
            // transmitters send their serial that way (the shared Wi-Fi captures do).
            if (KeyOf(message.BasicId) is { UasId.Length: > 0 } candidate)
            {
                key = candidate;
                break;
            }
        }

        if (key is not { } k)
        {
            if (bySender is not null)
            {
                return bySender;
            }

            var waiting = new UasPicture(null) { FirstReceived = receiveTime };
            _bySender[sender] = waiting;
            return waiting;
        }

        if (!_byKey.TryGetValue(k, out var picture))
        {
            picture = new UasPicture(k) { FirstReceived = receiveTime };
            _byKey[k] = picture;
            IdentifiedSeen++;
        }

        if (bySender is not null && bySender != picture && bySender.Key is null)
        {
            picture.MergeFrom(bySender);
        }

        _bySender[sender] = picture;
        return picture;
    }

    /// <summary>
    /// Keeps at most two Basic IDs, one per ID type, as F3411-22a allows (a serial and a registration):
    /// a new ID of a type already held replaces it, so a sender cycling random IDs cannot grow the picture.
    /// </summary>
    private static void AddBasicId(UasPicture picture, in BasicIdMessage basicId)
    {
        if (SameId(picture.BasicIds, basicId))
        {
            return;
        }

        var ids = picture.BasicIds;
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i].IdType == basicId.IdType)
            {
                ids[i] = basicId;
                return;
            }
        }

        if (ids.Count < MaximumBasicIds)
        {
            ids.Add(basicId);
        }
        else
        {
            ids[^1] = basicId;
        }
    }

    /// <summary>True if <paramref name="basicId"/> (ID type and ID bytes) is already among <paramref name="known"/>; no allocation.</summary>
    private static bool SameId(List<BasicIdMessage> known, in BasicIdMessage basicId)
    {
        foreach (var other in known)
        {
            if (other.IdType == basicId.IdType && other.UasId.AsSpan().SequenceEqual(basicId.UasId.AsSpan()))
            {
                return true;
            }
        }

        return false;
    }

    private PlausibilityConcerns CheckLocation(in LocationMessage location, Timestamp? rebuilt, Timestamp receiveTime)
    {
        var flags = PlausibilityConcerns.None;
        if (Math.Abs(location.LatitudeDegrees) > 90 || Math.Abs(location.LongitudeDegrees) > 180 ||
            (location.LatitudeDegrees == 0 && location.LongitudeDegrees == 0 && location.Status == OperationalStatus.Airborne))
        {
            flags |= PlausibilityConcerns.ImpossiblePosition;
        }

        const float UnknownSpeed = 255, UnknownVerticalSpeed = 63;
        var speed = location.SpeedHorizontalMetersPerSecond;
        var climb = location.SpeedVerticalMetersPerSecond;
        if ((speed != UnknownSpeed && speed > _options.MaximumSpeedMetersPerSecond) ||
            (climb != UnknownVerticalSpeed && Math.Abs(climb) > _options.MaximumSpeedMetersPerSecond))
        {
            flags |= PlausibilityConcerns.ImpossibleSpeed;
        }

        if (rebuilt is not { } time)
        {
            flags |= PlausibilityConcerns.TimestampMissing;
        }
        else if (Math.Abs(time.SecondsSince(receiveTime)) > _options.MaximumClockOffsetSeconds)
        {
            flags |= PlausibilityConcerns.TimestampFarFromReceiveTime;
        }

        return flags;
    }

    private PlausibilityConcerns CheckPicture(UasPicture picture, LocationMessage? previous, Timestamp? previousTime, Timestamp receiveTime)
    {
        var flags = PlausibilityConcerns.None;
        if (picture.AuthenticationPages.Count == 0)
        {
            flags |= PlausibilityConcerns.Unauthenticated;
        }

        var recentSenders = 0;
        foreach (var heard in picture.Senders.Values)
        {
            if (receiveTime.SecondsSince(heard) <= _options.SeveralSendersWindowSeconds)
            {
                recentSenders++;
            }
        }

        if (recentSenders > 1)
        {
            flags |= PlausibilityConcerns.SeveralSenders;
        }

        if (picture.Key is { } key && key.UasId.Any(char.IsControl))
        {
            flags |= PlausibilityConcerns.MalformedId;
        }

        if (picture.Location is not { } location || !IsPosition(location))
        {
            return flags;
        }

        var here = Ecef(location.LatitudeDegrees, location.LongitudeDegrees, location.AltitudeGeoMeters);
        if (previous is { } before && previousTime is { } then && IsPosition(before) && picture.LocationTime is { } now)
        {
            var seconds = Math.Max(now.SecondsSince(then), 1.0);
            var moved = here.DistanceTo(Ecef(before.LatitudeDegrees, before.LongitudeDegrees, before.AltitudeGeoMeters));
            if (moved / seconds > _options.MaximumSpeedMetersPerSecond)
            {
                flags |= PlausibilityConcerns.ImpossibleJump;
            }
        }

        if (picture.System is { } system && RemoteIdPosition.OperatorPosition(system) is { } pilot)
        {
            if (here.DistanceTo(Wgs84.ToEcef(pilot)) > _options.MaximumOperatorDistanceMeters)
            {
                flags |= PlausibilityConcerns.OperatorTooFar;
            }
        }

        return flags;
    }

    private static bool IsPosition(in LocationMessage location) =>
        RemoteIdPosition.IsKnown(location.LatitudeDegrees, location.LongitudeDegrees);

    /// <summary>ECEF of a geodetic point; an unknown (−1000 m) height is taken as 0 m for distances.</summary>
    private static EcefPosition Ecef(double latitude, double longitude, float heightMeters) =>
        Wgs84.ToEcef(new GeoPosition(latitude, longitude, heightMeters <= -1000 ? 0 : heightMeters));

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{_byKey.Count} aircraft");
}
