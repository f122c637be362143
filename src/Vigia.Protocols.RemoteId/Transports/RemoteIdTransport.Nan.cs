using System.Buffers.Binary;

namespace Vigia.Protocols.RemoteId.Transports;

public static partial class RemoteIdTransport
{
    /// <summary>
    /// A NAN service discovery frame: public action, vendor specific, WFA OUI type 0x13, then NAN
    /// attributes; the ODID one is a Service Descriptor attribute for service ID 88-69-19-9D-92-09
    /// whose service info is the message counter and the pack, followed by a Service Descriptor
    /// Extension attribute (F3411-22a §5.4.4.4; Wi-Fi Aware 3.1 §9.5). The checks follow the reference
    /// receiver (opendroneid-core-c): cluster destination, service control 0x10, SDEA control 0x0200.
    /// </summary>
    private static TransportStatus ExtractNan(
        ReadOnlySpan<byte> frame,
        int start,
        int body,
        int end,
        SenderAddress sender,
        out RemoteIdPayload payload,
        out TransportError error)
    {
        const int ActionHeaderLength = 6; // category, action, OUI (3), OUI type
        if (end - body < ActionHeaderLength)
        {
            return Fail(TransportStatus.InvalidData, TransportErrorCode.Truncated, body, "PublicAction.Header", out payload, out error, ActionHeaderLength, end - body);
        }

        if (frame[body] != TransportConstants.CategoryPublic)
        {
            return Fail(TransportStatus.NotRemoteId, TransportErrorCode.UnexpectedValue, body, "PublicAction.Category", out payload, out error, TransportConstants.CategoryPublic, frame[body]);
        }

        if (frame[body + 1] != TransportConstants.PublicActionVendorSpecific)
        {
            return Fail(TransportStatus.NotRemoteId, TransportErrorCode.UnexpectedValue, body + 1, "PublicAction.Action", out payload, out error, TransportConstants.PublicActionVendorSpecific, frame[body + 1]);
        }

        if (!frame.Slice(body + 2, 3).SequenceEqual(TransportConstants.WifiAllianceOui))
        {
            return Fail(TransportStatus.NotRemoteId, TransportErrorCode.UnexpectedValue, body + 2, "PublicAction.Oui", out payload, out error);
        }

        if (frame[body + 5] != TransportConstants.NanOuiType)
        {
            return Fail(TransportStatus.NotRemoteId, TransportErrorCode.UnexpectedValue, body + 5, "PublicAction.OuiType", out payload, out error, TransportConstants.NanOuiType, frame[body + 5]);
        }

        var a = body + ActionHeaderLength;
        while (a < end)
        {
            if (a + TransportConstants.NanAttributeHeaderLength > end)
            {
                return Fail(TransportStatus.InvalidData, TransportErrorCode.Truncated, a, "NanAttribute.Header", out payload, out error);
            }

            int length = BinaryPrimitives.ReadUInt16LittleEndian(frame[(a + 1)..]);
            var attributeEnd = a + TransportConstants.NanAttributeHeaderLength + length;
            if (attributeEnd > end)
            {
                return Fail(TransportStatus.InvalidData, TransportErrorCode.LengthOverrun, a + 1, "NanAttribute.Length", out payload, out error, end - a - 3, length);
            }

            if (frame[a] == TransportConstants.NanAttributeServiceDescriptor
                && length >= TransportConstants.OdidServiceId.Length
                && frame.Slice(a + 3, 6).SequenceEqual(TransportConstants.OdidServiceId))
            {
                return ExtractOdidService(frame, start, a, attributeEnd, end, sender, out payload, out error);
            }

            a = attributeEnd;
        }

        return Fail(TransportStatus.NotRemoteId, TransportErrorCode.NoRemoteIdElement, body + ActionHeaderLength, "ServiceDescriptor.ServiceId", out payload, out error);
    }

    private static TransportStatus ExtractOdidService(
        ReadOnlySpan<byte> frame,
        int start,
        int attribute,
        int attributeEnd,
        int end,
        SenderAddress sender,
        out RemoteIdPayload payload,
        out TransportError error)
    {
        var sda = attribute + TransportConstants.NanAttributeHeaderLength;
        var length = attributeEnd - sda;
        if (length < TransportConstants.ServiceDescriptorFixedLength)
        {
            return Fail(TransportStatus.InvalidData, TransportErrorCode.Truncated, sda + 6, "ServiceDescriptor.ServiceControl", out payload, out error, TransportConstants.ServiceDescriptorFixedLength, length);
        }

        var control = frame[sda + 8];
        if (control != TransportConstants.ServiceControlPublishWithInfo)
        {
            return Fail(TransportStatus.InvalidData, TransportErrorCode.UnexpectedValue, sda + 8, "ServiceDescriptor.ServiceControl", out payload, out error, TransportConstants.ServiceControlPublishWithInfo, control);
        }

        var infoLength = frame[sda + 9];
        if (TransportConstants.ServiceDescriptorFixedLength + infoLength != length)
        {
            return Fail(TransportStatus.InvalidData, TransportErrorCode.LengthMismatch, attribute + 1, "ServiceDescriptor.Length", out payload, out error, TransportConstants.ServiceDescriptorFixedLength + infoLength, length);
        }

        if (infoLength == 0)
        {
            return Fail(TransportStatus.InvalidData, TransportErrorCode.EmptyPayload, sda + 10, "ServiceInfo.MessageCounter", out payload, out error);
        }

        // The reference requires the Service Descriptor Extension attribute right after, with control 0x0200.
        var s = attributeEnd;
        if (s + TransportConstants.NanAttributeHeaderLength > end)
        {
            return Fail(TransportStatus.InvalidData, TransportErrorCode.Truncated, s, "ServiceDescriptorExtension.Header", out payload, out error);
        }

        if (frame[s] != TransportConstants.NanAttributeServiceDescriptorExtension)
        {
            return Fail(TransportStatus.InvalidData, TransportErrorCode.UnexpectedValue, s, "ServiceDescriptorExtension.AttributeId", out payload, out error, TransportConstants.NanAttributeServiceDescriptorExtension, frame[s]);
        }

        int sdeaLength = BinaryPrimitives.ReadUInt16LittleEndian(frame[(s + 1)..]);
        if (s + TransportConstants.NanAttributeHeaderLength + sdeaLength > end)
        {
            return Fail(TransportStatus.InvalidData, TransportErrorCode.LengthOverrun, s + 1, "ServiceDescriptorExtension.Length", out payload, out error, end - s - 3, sdeaLength);
        }

        if (sdeaLength < 3)
        {
            return Fail(TransportStatus.InvalidData, TransportErrorCode.Truncated, s + 4, "ServiceDescriptorExtension.Control", out payload, out error, 3, sdeaLength);
        }

        var sdeaControl = BinaryPrimitives.ReadUInt16LittleEndian(frame[(s + 4)..]);
        if (sdeaControl != TransportConstants.SdeaControlOdid)
        {
            return Fail(TransportStatus.InvalidData, TransportErrorCode.UnexpectedValue, s + 4, "ServiceDescriptorExtension.Control", out payload, out error, TransportConstants.SdeaControlOdid, sdeaControl);
        }

        if (!frame.Slice(start + 4, 6).SequenceEqual(TransportConstants.NanClusterAddress))
        {
            return Fail(TransportStatus.InvalidData, TransportErrorCode.UnexpectedValue, start + 4, "DestinationAddress", out payload, out error);
        }

        return Found(frame, TransportKind.WifiNan, sda + 10, attributeEnd, sender, hasSender: true, legacyOui: false, out payload, out error);
    }
}
