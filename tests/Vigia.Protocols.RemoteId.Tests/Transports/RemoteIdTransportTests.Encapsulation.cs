using Vigia.Protocols.RemoteId.Transports;

namespace Vigia.Protocols.RemoteId.Tests.Transports;

/// <summary>Radiotap, FCS, Bluetooth LE PDUs and the legacy Parrot OUI, built around the shared vector frames.</summary>
public sealed partial class RemoteIdTransportTests
{
    // Radiotap v0, length 8 + 8 (TSFT, aligned to 8) + 1 (Flags) = 17 bytes: present = TSFT | Flags.
    private static byte[] Radiotap(byte flags) => [0x00, 0x00, 17, 0x00, 0x03, 0x00, 0x00, 0x00, 1, 2, 3, 4, 5, 6, 7, 8, flags];

    private static byte[] FirstFrame(string kind) => Vectors.Of(kind).First().Hex();

    [Fact]
    public void ABeaconBehindRadiotapWithTsftAndAnFcs_GivesThePayloadAtTheSameBytes()
    {
        var mpdu = FirstFrame("wifi_beacon");
        byte[] frame = [.. Radiotap(0x10), .. mpdu, 0xDE, 0xAD, 0xBE, 0xEF];

        Assert.Equal(TransportStatus.Done, RemoteIdTransport.TryExtractRadiotap(frame, out var payload, out _));
        Assert.Equal(TransportStatus.Done, RemoteIdTransport.TryExtractWifi(mpdu, includesFcs: false, out var plain, out _));
        Assert.Equal(plain.Offset + 17, payload.Offset);
        Assert.True(payload.Slice(frame).SequenceEqual(plain.Slice(mpdu)));
    }

    [Fact]
    public void AnFcsLeftOnTheFrameWhenTheRadiotapFlagsSayNone_MakesTheElementWalkOverrun()
    {
        // The pack IE is the last element, so 4 more bytes are read as a truncated element.
        byte[] frame = [.. Radiotap(0x00), .. FirstFrame("wifi_beacon"), 0xDE, 0xAD, 0xBE, 0xEF];

        Assert.Equal(TransportStatus.Done, RemoteIdTransport.TryExtractRadiotap(frame, out _, out _));
        Assert.Equal(TransportStatus.Done, RemoteIdTransport.TryExtractWifi(frame.AsSpan(17).ToArray(), includesFcs: true, out _, out _));
    }

    [Fact]
    public void AFrameThatRadiotapFlagsAsBadFcs_IsRejectedWithBadFcs()
    {
        byte[] frame = [.. Radiotap(0x50), .. FirstFrame("wifi_beacon"), 0, 0, 0, 0];

        Assert.Equal(TransportStatus.InvalidData, RemoteIdTransport.TryExtractRadiotap(frame, out _, out var error));
        Assert.Equal(TransportErrorCode.BadFcs, error.Code);
        Assert.Equal(16, error.Offset);
    }

    [Fact]
    public void ARadiotapHeaderLongerThanTheFrame_IsALengthOverrunAtByte2()
    {
        byte[] frame = [0x00, 0x00, 0xFF, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00];

        Assert.Equal(TransportStatus.InvalidData, RemoteIdTransport.TryExtractRadiotap(frame, out _, out var error));
        Assert.Equal(TransportErrorCode.LengthOverrun, error.Code);
        Assert.Equal(2, error.Offset);
    }

    [Fact]
    public void TheParrotOui_IsAcceptedAndFlaggedAsLegacy()
    {
        var frame = FirstFrame("wifi_beacon");
        var asdStan = frame.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFA, 0x0B, 0xBC, 0x0D]);
        frame[asdStan] = 0x90;
        frame[asdStan + 1] = 0x3A;
        frame[asdStan + 2] = 0xE6;

        Assert.Equal(TransportStatus.Done, RemoteIdTransport.TryExtract(frame, TransportKind.WifiBeacon, out var payload, out _));
        Assert.True(payload.IsLegacyOui);
        Assert.Equal(TransportKind.WifiBeacon, payload.Kind);
    }

    [Fact]
    public void AnAuxAdvIndWithAdvAAndAdi_GivesTheExtendedPayloadAndTheAdvAInDisplayOrder()
    {
        var advData = FirstFrame("bt5_ext_adv");
        byte[] extendedHeader = [0x09, 0x09, 0x1C, 0x2F, 0xEB, 0xEA, 0x7D, 0xE0, 0x75, 0x0E];
        byte[] pdu = [0x07, (byte)(extendedHeader.Length + advData.Length), .. extendedHeader, .. advData, 0xAA, 0xBB, 0xCC];

        Assert.Equal(TransportStatus.Done, RemoteIdTransport.TryExtractAdvertisingPdu(pdu, out var payload, out _));
        Assert.Equal(TransportKind.Bluetooth5Extended, payload.Kind);
        Assert.True(payload.HasSender);
        Assert.Equal("e0:7d:ea:eb:2f:1c", payload.Sender.ToString());
        Assert.Equal(2 + extendedHeader.Length + 6, payload.Offset);
    }

    [Fact]
    public void AnAdvNonconnIndAroundLegacyAdvData_GivesOneMessageAndTheAdvA()
    {
        var advData = FirstFrame("bt4_legacy_adv");
        byte[] pdu = [0x42, (byte)(6 + advData.Length), 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, .. advData];

        Assert.Equal(TransportStatus.Done, RemoteIdTransport.TryExtractAdvertisingPdu(pdu, out var payload, out _));
        Assert.Equal(TransportKind.Bluetooth4Legacy, payload.Kind);
        Assert.Equal("06:05:04:03:02:01", payload.Sender.ToString());
        Assert.Equal(RemoteIdMessage.Size, payload.Length);
    }

    [Fact]
    public void AnExtendedHeaderWhoseFlagsNeedMoreBytesThanItsLength_IsALengthOverrun()
    {
        byte[] pdu = [0x07, 0x05, 0x03, 0x01, 0x00, 0x00, 0x00]; // length 3, but AdvA alone needs 1 + 6

        Assert.Equal(TransportStatus.InvalidData, RemoteIdTransport.TryExtractAdvertisingPdu(pdu, out _, out var error));
        Assert.Equal(TransportErrorCode.LengthOverrun, error.Code);
        Assert.Equal("ExtendedHeader.Flags", error.Field);
    }

    [Fact]
    public void LegacyAdvDataWithAWrongAppCode_IsAnUnexpectedValueAtTheAppCodeByte()
    {
        var advData = FirstFrame("bt4_legacy_adv");
        advData[4] = 0x0C;

        Assert.Equal(TransportStatus.InvalidData, RemoteIdTransport.TryExtract(advData, TransportKind.Bluetooth4Legacy, out _, out var error));
        Assert.Equal(TransportErrorCode.UnexpectedValue, error.Code);
        Assert.Equal(4, error.Offset);
        Assert.Equal("ServiceData.AppCode", error.Field);
    }

    [Fact]
    public void LegacyAdvDataLongerThan31Bytes_ExceedsTheLegacyMaximum()
    {
        byte[] advData = [.. FirstFrame("bt4_legacy_adv"), 0x00];

        Assert.Equal(TransportStatus.InvalidData, RemoteIdTransport.TryExtract(advData, TransportKind.Bluetooth4Legacy, out _, out var error));
        Assert.Equal(TransportErrorCode.LengthExceedsMaximum, error.Code);
    }

    [Fact]
    public void AdvDataWithOnlyOtherAdStructures_IsNotRemoteId()
    {
        byte[] advData = [0x02, 0x01, 0x06, 0x03, 0x03, 0xFA, 0xFF];

        Assert.Equal(TransportStatus.NotRemoteId, RemoteIdTransport.TryExtract(advData, TransportKind.Bluetooth5Extended, out _, out var error));
        Assert.Equal(TransportErrorCode.NoRemoteIdElement, error.Code);
    }

    [Fact]
    public void AnAdStructureThatRunsPastTheAdvData_IsALengthOverrunAtItsLengthByte()
    {
        byte[] advData = [0x02, 0x01, 0x06, 0x1E, 0x16, 0xFA, 0xFF, 0x0D];

        Assert.Equal(TransportStatus.InvalidData, RemoteIdTransport.TryExtract(advData, TransportKind.Bluetooth5Extended, out _, out var error));
        Assert.Equal(TransportErrorCode.LengthOverrun, error.Code);
        Assert.Equal(3, error.Offset);
    }

    [Fact]
    public void AProtectedManagementFrame_IsUnsupported()
    {
        var frame = FirstFrame("wifi_beacon");
        frame[1] |= 0x40;

        Assert.Equal(TransportStatus.Unsupported, RemoteIdTransport.TryExtract(frame, TransportKind.WifiBeacon, out _, out var error));
        Assert.Equal(TransportErrorCode.ProtectedFrame, error.Code);
    }
}
