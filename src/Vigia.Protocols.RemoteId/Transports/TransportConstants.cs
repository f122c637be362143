namespace Vigia.Protocols.RemoteId.Transports;

/// <summary>Named constants of the Remote ID transports (F3411-22a §5.4.4, Bluetooth Core 5.3, IEEE 802.11-2020, Wi-Fi Aware 3.1).</summary>
internal static class TransportConstants
{
    /// <summary>Size of one Open Drone ID message (F3411-22a §5.4.5).</summary>
    public const int MessageSize = 25;

    /// <summary>Message type nibble of a message pack (F3411-22a Table 2).</summary>
    public const int MessageTypePack = 0xF;

    /// <summary>AD type "Service Data – 16-bit UUID" (Bluetooth Assigned Numbers §2.3).</summary>
    public const byte AdTypeServiceData16 = 0x16;

    /// <summary>ASTM Remote ID 16-bit service UUID 0xFFFA, low byte first on the air.</summary>
    public const byte OdidUuidLow = 0xFA;

    /// <summary>High byte of the 0xFFFA service UUID.</summary>
    public const byte OdidUuidHigh = 0xFF;

    /// <summary>Application code for Open Drone ID in the service data (F3411-22a §5.4.4.2).</summary>
    public const byte OdidAppCode = 0x0D;

    /// <summary>Maximum legacy advertising AdvData length (Core 5.3 Vol 6 Part B §2.3.1).</summary>
    public const int LegacyAdvDataMaximum = 31;

    /// <summary>Maximum extended advertising data length, all fragments together (Core 5.3 Vol 4 Part E §7.8.54).</summary>
    public const int ExtendedAdvDataMaximum = 1650;

    /// <summary>Length of an advertising PDU header (Core 5.3 Vol 6 Part B §2.3).</summary>
    public const int AdvPduHeaderLength = 2;

    /// <summary>ADV_EXT_IND / AUX_ADV_IND / AUX_CHAIN_IND PDU type (common extended advertising payload format).</summary>
    public const int PduTypeExtended = 0x7;

    /// <summary>Length of the 802.11 management MAC header without HT Control.</summary>
    public const int MgmtHeaderLength = 24;

    /// <summary>Length of the HT Control field present when the Order bit is set (IEEE 802.11-2020 §9.2.4.1.10).</summary>
    public const int HtControlLength = 4;

    /// <summary>Beacon fixed fields: timestamp (8), beacon interval (2), capability (2) (IEEE 802.11-2020 §9.3.3.2).</summary>
    public const int BeaconFixedLength = 12;

    /// <summary>Length of the 802.11 frame check sequence.</summary>
    public const int FcsLength = 4;

    /// <summary>Management frame subtype: beacon.</summary>
    public const int SubtypeBeacon = 8;

    /// <summary>Management frame subtype: action.</summary>
    public const int SubtypeAction = 13;

    /// <summary>Element ID of a vendor-specific element.</summary>
    public const byte ElementVendorSpecific = 0xDD;

    /// <summary>Vendor IE type for Open Drone ID under both OUIs.</summary>
    public const byte OdidVendorType = 0x0D;

    /// <summary>Wi-Fi Alliance OUI type for NAN.</summary>
    public const byte NanOuiType = 0x13;

    /// <summary>Public action category (IEEE 802.11-2020 Table 9-51).</summary>
    public const byte CategoryPublic = 0x04;

    /// <summary>Public action "vendor specific" (IEEE 802.11-2020 Table 9-364).</summary>
    public const byte PublicActionVendorSpecific = 0x09;

    /// <summary>NAN attribute: Service Descriptor (Wi-Fi Aware 3.1 Table 42).</summary>
    public const byte NanAttributeServiceDescriptor = 0x03;

    /// <summary>NAN attribute: Service Descriptor Extension.</summary>
    public const byte NanAttributeServiceDescriptorExtension = 0x0E;

    /// <summary>NAN attribute header: ID (1) and little-endian length (2).</summary>
    public const int NanAttributeHeaderLength = 3;

    /// <summary>Service descriptor fixed part before the service info: service ID (6), instance (1), requestor (1), control (1), info length (1).</summary>
    public const int ServiceDescriptorFixedLength = 10;

    /// <summary>Service control of an ODID publish with service info present, as F3411-22a §5.4.4.4 and the reference require.</summary>
    public const byte ServiceControlPublishWithInfo = 0x10;

    /// <summary>SDEA control the reference requires (service update indicator present).</summary>
    public const ushort SdeaControlOdid = 0x0200;

    /// <summary>Radiotap Flags bit: the frame ends with the FCS.</summary>
    public const byte RadiotapFlagFcsAtEnd = 0x10;

    /// <summary>Radiotap Flags bit: the frame failed its FCS check.</summary>
    public const byte RadiotapFlagBadFcs = 0x40;

    /// <summary>ASD-STAN OUI FA-0B-BC.</summary>
    public static ReadOnlySpan<byte> AsdStanOui => [0xFA, 0x0B, 0xBC];

    /// <summary>Parrot OUI 90-3A-E6, used by early F3411-19 Wi-Fi implementations.</summary>
    public static ReadOnlySpan<byte> ParrotOui => [0x90, 0x3A, 0xE6];

    /// <summary>Wi-Fi Alliance OUI 50-6F-9A.</summary>
    public static ReadOnlySpan<byte> WifiAllianceOui => [0x50, 0x6F, 0x9A];

    /// <summary>NAN network cluster address the ODID SDF goes to (F3411-22a §5.4.4.4).</summary>
    public static ReadOnlySpan<byte> NanClusterAddress => [0x51, 0x6F, 0x9A, 0x01, 0x00, 0x00];

    /// <summary>NAN service ID of "org.opendroneid.remoteid": the first 6 bytes of its SHA-256.</summary>
    public static ReadOnlySpan<byte> OdidServiceId => [0x88, 0x69, 0x19, 0x9D, 0x92, 0x09];
}
