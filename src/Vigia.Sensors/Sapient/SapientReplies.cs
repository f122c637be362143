using Google.Protobuf;
using SapientMsg.BsiFlex335V20;
using ProtoTimestamp = Google.Protobuf.WellKnownTypes.Timestamp;

namespace Vigia.Sensors.Sapient;

/// <summary>The messages the fusion node sends back to a node: RegistrationAck, AlertAck and Error.</summary>
/// <remarks>Thread-safety: stateless.</remarks>
internal static class SapientReplies
{
    /// <summary>
    /// A RegistrationAck. BSI Flex 335 v2.0 gives the acknowledgement no version field, so the ICD version the node
    /// announced on this connection is echoed in the envelope's additional_information (<c>icd_version=…</c>).
    /// </summary>
    public static SapientMessage RegistrationAck(string fusionNodeId, string destination, bool accepted, string icdVersion, DateTimeOffset now, params string[] reasons) => new()
    {
        Timestamp = ProtoTimestamp.FromDateTimeOffset(now),
        NodeId = fusionNodeId,
        DestinationId = destination,
        AdditionalInformation = "icd_version=" + icdVersion,
        RegistrationAck = new RegistrationAck { Acceptance = accepted, AckResponseReason = { reasons } },
    };

    /// <summary>An AlertAck accepting an alert.</summary>
    public static SapientMessage AlertAck(string fusionNodeId, string destination, string alertId, DateTimeOffset now) => new()
    {
        Timestamp = ProtoTimestamp.FromDateTimeOffset(now),
        NodeId = fusionNodeId,
        DestinationId = destination,
        AlertAck = new AlertAck { AlertId = alertId, AlertAckStatus = SapientMsg.BsiFlex335V20.AlertAck.Types.AlertAckStatus.Accepted },
    };

    /// <summary>An Error quoting the refused packet and saying why; the destination is the sender when it is known.</summary>
    public static SapientMessage Error(string fusionNodeId, string? destination, ReadOnlySpan<byte> packet, string reason, DateTimeOffset now)
    {
        var message = new SapientMessage
        {
            Timestamp = ProtoTimestamp.FromDateTimeOffset(now),
            NodeId = fusionNodeId,
            Error = new Error { Packet = ByteString.CopyFrom(packet), ErrorMessage = { reason } },
        };
        if (destination is not null)
        {
            message.DestinationId = destination;
        }

        return message;
    }
}
