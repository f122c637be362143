namespace Vigia.Sensors.Adsb;

/// <summary>The output format of a dump1090-style receiver that an <see cref="AdsbTcpClient"/> reads.</summary>
public enum AdsbFeedFormat
{
    /// <summary>Mode-S Beast binary (dump1090 TCP port 30005).</summary>
    Beast = 0,

    /// <summary>AVR text, <c>*HEX;</c> or <c>@TIMESTAMPHEX;</c> lines (dump1090 TCP port 30002).</summary>
    Avr = 1,
}
