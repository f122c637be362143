namespace Vigia.Sensors.Capture;

/// <summary>
/// Link-layer header types of captured packets (tcpdump.org LINKTYPE_* values, shared by pcap and pcapng).
/// Other values are passed through as their number.
/// </summary>
public enum CaptureLinkType
{
    /// <summary>LINKTYPE_IEEE802_11 (105): 802.11 frames from Frame Control, no radio header.</summary>
    Ieee80211 = 105,

    /// <summary>LINKTYPE_IEEE802_11_RADIOTAP (127): a radiotap header, then the 802.11 frame.</summary>
    Ieee80211Radiotap = 127,

    /// <summary>LINKTYPE_BLUETOOTH_LE_LL (251): a Bluetooth LE link-layer packet from the access address.</summary>
    BluetoothLeLinkLayer = 251,

    /// <summary>LINKTYPE_BLUETOOTH_LE_LL_WITH_PHDR (256): a 10-byte pseudo-header, then the link-layer packet.</summary>
    BluetoothLeLinkLayerWithPhdr = 256,

    /// <summary>LINKTYPE_NORDIC_BLE (272): the nRF Sniffer for Bluetooth LE header, then the link-layer packet.</summary>
    NordicBle = 272,
}
