using System.Runtime.CompilerServices;

namespace Vigia.Protocols.RemoteId;

/// <summary>
/// The messages of one broadcaster gathered as the reference's <c>ODID_UAS_Data</c> gathers them: two Basic ID
/// slots, one Location, sixteen authentication pages, one Self-ID, System and Operator ID, each with a valid flag.
/// </summary>
/// <remarks>
/// Slot rules follow the reference (<c>decodeOpenDroneID</c>): a Basic ID goes to the first slot that is empty,
/// holds ID type 0, or holds the same ID type (overwriting it); an authentication page goes to the slot of its
/// page number; other types replace the previous one. Thread-safety: a mutable value; not for sharing.
/// </remarks>
public struct RemoteIdUasData
{
    /// <summary>Basic ID slots (F3411-22a allows two Basic IDs of different ID types).</summary>
    public const int BasicIdSlots = 2;

    private BasicIdSlotArray _basicIds;
    private AuthPageArray _authPages;
    private int _basicIdValid;
    private int _authValid;

    /// <summary>The Location message, when <see cref="LocationValid"/>.</summary>
    public LocationMessage Location { get; private set; }

    /// <summary>Whether a Location message was added.</summary>
    public bool LocationValid { get; private set; }

    /// <summary>The Self-ID message, when <see cref="SelfIdValid"/>.</summary>
    public SelfIdMessage SelfId { get; private set; }

    /// <summary>Whether a Self-ID message was added.</summary>
    public bool SelfIdValid { get; private set; }

    /// <summary>The System message, when <see cref="SystemValid"/>.</summary>
    public SystemMessage System { get; private set; }

    /// <summary>Whether a System message was added.</summary>
    public bool SystemValid { get; private set; }

    /// <summary>The Operator ID message, when <see cref="OperatorIdValid"/>.</summary>
    public OperatorIdMessage OperatorId { get; private set; }

    /// <summary>Whether an Operator ID message was added.</summary>
    public bool OperatorIdValid { get; private set; }

    /// <summary>Gathers the messages of a decoded pack.</summary>
    public static RemoteIdUasData FromMessages(ReadOnlySpan<RemoteIdMessage> messages)
    {
        var uas = default(RemoteIdUasData);
        foreach (ref readonly var message in messages)
        {
            uas.Add(message);
        }

        return uas;
    }

    /// <summary>Whether Basic ID slot <paramref name="slot"/> (0 or 1) holds a message.</summary>
    public readonly bool IsBasicIdValid(int slot) => (uint)slot < BasicIdSlots && (_basicIdValid & (1 << slot)) != 0;

    /// <summary>The Basic ID in slot <paramref name="slot"/> (0 or 1).</summary>
    public readonly BasicIdMessage GetBasicId(int slot) => _basicIds[slot];

    /// <summary>Whether authentication page <paramref name="page"/> (0..15) was received.</summary>
    public readonly bool IsAuthPageValid(int page) => (uint)page < AuthenticationMessage.MaxPages && (_authValid & (1 << page)) != 0;

    /// <summary>Authentication page <paramref name="page"/> (0..15).</summary>
    public readonly AuthenticationMessage GetAuthPage(int page) => _authPages[page];

    /// <summary>Adds one decoded message by the reference's slot rules.</summary>
    public void Add(in RemoteIdMessage message)
    {
        switch (message.MessageType)
        {
            case RemoteIdMessageType.BasicId:
                for (var i = 0; i < BasicIdSlots; i++)
                {
                    var stored = _basicIds[i].IdType;
                    if (stored == UasIdType.None || stored == message.BasicId.IdType)
                    {
                        _basicIds[i] = message.BasicId;
                        _basicIdValid |= 1 << i;
                        break;
                    }
                }

                break;
            case RemoteIdMessageType.Location:
                Location = message.Location;
                LocationValid = true;
                break;
            case RemoteIdMessageType.Authentication:
                var page = message.Authentication.DataPage & 0x0F;
                _authPages[page] = message.Authentication;
                _authValid |= 1 << page;
                break;
            case RemoteIdMessageType.SelfId:
                SelfId = message.SelfId;
                SelfIdValid = true;
                break;
            case RemoteIdMessageType.System:
                System = message.System;
                SystemValid = true;
                break;
            case RemoteIdMessageType.OperatorId:
                OperatorId = message.OperatorId;
                OperatorIdValid = true;
                break;
            default:
                break;
        }
    }

    [InlineArray(BasicIdSlots)]
    private struct BasicIdSlotArray
    {
        private BasicIdMessage _element0;
    }

    [InlineArray(AuthenticationMessage.MaxPages)]
    private struct AuthPageArray
    {
        private AuthenticationMessage _element0;
    }
}
