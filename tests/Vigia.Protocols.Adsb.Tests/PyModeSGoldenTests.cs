using System.Globalization;
using System.Text.Json;

namespace Vigia.Protocols.Adsb.Tests;

/// <summary>
/// pyModeS 2.21.1 golden values (shared/data/adsb/pyModeS_golden_v2.json, from pyModeS tests/fixtures): 600
/// messages, 200 each of DF17, DF20 and DF21. Every field this decoder reports is compared; Comm-B (BDS)
/// contents of DF20/21 are not decoded here, so only their address, altitude and Mode A code are.
/// </summary>
public sealed class PyModeSGoldenTests
{
    [Fact]
    public void EveryGoldenMessage_DecodesToThePyModeSFields()
    {
        var golden = AdsbData.PyModeSGolden().ToArray();
        Assert.Equal(600, golden.Length);
        var compared = 0;
        foreach (var (hex, fields) in golden)
        {
            var status = ModeSDecoder.TryDecode(Convert.FromHexString(hex), out var message, out var error);
            Assert.True(status == DecodeStatus.Done, $"{hex}: {status} {error}");
            Assert.Equal(fields.GetProperty("df").GetInt32(), (int)message.DownlinkFormat);
            Assert.Equal(fields.GetProperty("icao").GetString()!.ToUpperInvariant(), message.Address.ToString());

            // The BDS 2,0 inference agrees with pyModeS's register inference both ways.
            var bds20 = fields.TryGetProperty("bds", out var bds) && bds.GetString() == "BDS20";
            Assert.True(bds20 == (message.CommBIdentification is not null), hex + ": BDS 2,0 inference differs");
            foreach (var field in fields.EnumerateObject())
            {
                compared += Compare(hex, message, field.Name, field.Value) ? 1 : 0;
            }
        }

        // DF17: 185 positions × 3 fields + 14 velocities × 4 + 1 identification × 3; DF20: 200 altitudes;
        // DF21: 200 squawks; DF20/21: 12 BDS 2,0 callsigns. Guards against a comparison that silently skips fields.
        Assert.Equal(555 + 56 + 3 + 200 + 200 + 12, compared);
    }

    private static bool Compare(string hex, ModeSMessage m, string name, JsonElement value)
    {
        switch (name)
        {
            case "typecode":
                Assert.Equal(value.GetInt32(), m.TypeCode);
                return true;
            case "callsign" when m.Kind == AdsbMessageKind.Identification:
                Assert.Equal(value.GetString(), Padded(m.Identification.Callsign));
                return true;
            case "callsign":
                Assert.True(m.CommBIdentification is not null, hex + ": no BDS 2,0 identification");
                Assert.Equal(value.GetString(), Padded(m.CommBIdentification!.Value.Callsign));
                return true;
            case "category":
                Assert.Equal(value.GetInt32(), m.Identification.Category);
                return true;
            case "altitude":
                var altitude = m.Kind == AdsbMessageKind.AirbornePosition ? m.AirbornePosition.BarometricAltitudeFeet : m.AltitudeFeet;
                Assert.True(value.GetInt32() == altitude, $"{hex}: altitude {altitude}, golden {value}");
                return true;
            case "cpr_format":
                Assert.Equal(value.GetInt32(), (int)m.AirbornePosition.Format);
                return true;
            case "groundspeed" when m.Kind == AdsbMessageKind.AirborneVelocity:
                // pyModeS truncates the ground speed to whole knots.
                Assert.Equal(value.GetInt32(), (int)m.Velocity.GroundSpeedKnots!.Value);
                return true;
            case "track" when m.Kind == AdsbMessageKind.AirborneVelocity:
                Assert.Equal(value.GetDouble(), m.Velocity.TrackDegrees!.Value, 1e-9);
                return true;
            case "vertical_rate":
                Assert.Equal(value.GetInt32(), m.Velocity.VerticalRateFeetPerMinute);
                return true;
            case "squawk":
                Assert.Equal(value.GetString(), m.Squawk!.Value.ToString("D4", CultureInfo.InvariantCulture));
                return true;
            default:
                // df and icao are checked by the caller; BDS fields of DF20/21 are outside this decoder.
                return false;
        }
    }

    private static string Padded(Callsign callsign) => System.Text.Encoding.ASCII.GetString(callsign.Ascii).Replace(' ', '_');
}
