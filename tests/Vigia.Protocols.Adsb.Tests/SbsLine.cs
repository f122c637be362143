using System.Globalization;

namespace Vigia.Protocols.Adsb.Tests;

/// <summary>
/// The fields of one BaseStation (SBS) <c>MSG</c> line that describe the aircraft, as dump1090 writes them:
/// 1 message type, 4 hex address, 10 callsign, 11 altitude, 12 ground speed, 13 track, 14/15 latitude and
/// longitude, 16 vertical rate, 17 squawk. The date/time columns (6–9) are the wall clock of the run and are ignored.
/// </summary>
internal sealed record SbsLine(int Type, string Address, string Callsign, string Altitude, string GroundSpeed, string Track, string Latitude, string Longitude, string VerticalRate, string Squawk)
{
    public bool HasPosition => Latitude.Length > 0;

    public static SbsLine Parse(string line)
    {
        var f = line.Split(',');
        return new SbsLine(int.Parse(f[1], CultureInfo.InvariantCulture), f[4], f[10], f[11], f[12], f[13], f[14], f[15], f[16], f[17]);
    }

    /// <summary>
    /// The line dump1090-mutability 1.15 writes for a decoded message, with its number formats: positions with 5
    /// decimals; ground speed <c>(int)√(vn² + ve² + 0.5)</c>; track <c>(int)(atan2(ve, vn)·180/π + 0.5)</c> with C's
    /// truncation toward zero, then +360 when negative (so a 182.88° track prints as 184 — a quirk of the peer,
    /// reproduced here only to compare; the decoder reports the exact angle).
    /// </summary>
    public static SbsLine Expected(in ModeSMessage m, in AircraftUpdate update)
    {
        string I(int? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";
        var address = m.Address.ToString();
        var commB = m.CommBIdentification is { } id ? System.Text.Encoding.ASCII.GetString(id.Callsign.Ascii) : "";
        var none = new SbsLine(0, address, commB, "", "", "", "", "", "", "");
        switch (m.Kind)
        {
            case AdsbMessageKind.Identification:
                return none with { Type = 1, Callsign = System.Text.Encoding.ASCII.GetString(m.Identification.Callsign.Ascii) };
            case AdsbMessageKind.AirbornePosition:
                var p = update.Position;
                return none with
                {
                    Type = 3,
                    Altitude = I(m.AirbornePosition.BarometricAltitudeFeet),
                    Latitude = update.HasPosition ? p.LatitudeDegrees.ToString("F5", CultureInfo.InvariantCulture) : "",
                    Longitude = update.HasPosition ? p.LongitudeDegrees.ToString("F5", CultureInfo.InvariantCulture) : "",
                };
            case AdsbMessageKind.AirborneVelocity:
                var v = m.Velocity;
                var hasGroundVelocity = v.EastVelocityKnots is not null && v.NorthVelocityKnots is not null;
                return none with
                {
                    Type = 4,
                    GroundSpeed = hasGroundVelocity ? I(PeerSpeed(v)) : "",
                    Track = hasGroundVelocity && PeerSpeed(v) != 0 ? I(PeerTrack(v)) : "",
                    VerticalRate = I(v.VerticalRateFeetPerMinute),
                };
            case AdsbMessageKind.SurveillanceAltitude:
                return none with { Type = m.DownlinkFormat is DownlinkFormat.SurveillanceAltitudeReply or DownlinkFormat.CommBAltitudeReply ? 5 : 7, Altitude = I(m.AltitudeFeet) };
            case AdsbMessageKind.SurveillanceIdentity:
                return none with { Type = 6, Squawk = m.Squawk!.Value.ToString("D4", CultureInfo.InvariantCulture) };
            case AdsbMessageKind.AllCall:
                return none with { Type = 8 };
            default:
                return none;
        }
    }

    private static int PeerSpeed(in AirborneVelocity v)
    {
        double e = v.EastVelocityKnots!.Value, n = v.NorthVelocityKnots!.Value;
        return (int)Math.Sqrt((n * n) + (e * e) + 0.5);
    }

    private static int PeerTrack(in AirborneVelocity v)
    {
        var track = (int)((Math.Atan2(v.EastVelocityKnots!.Value, v.NorthVelocityKnots!.Value) * 180.0 / Math.PI) + 0.5);
        return track < 0 ? track + 360 : track;
    }
}
