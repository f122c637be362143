using System.Globalization;

namespace Vigia.Protocols.Adsb.Tests;

/// <summary>CPR decoding against the global and local vectors of test_vectors.csv (The 1090 MHz Riddle, pyModeS test_cpr.py).</summary>
public sealed class CprDecoderTests
{
    private static (int Lat, int Lon, CprFormat Format, bool Surface) Encoded(byte[] reply)
    {
        var m = ModeSDecoder.Decode(reply);
        return m.Kind == AdsbMessageKind.SurfacePosition
            ? (m.SurfacePosition.EncodedLatitude, m.SurfacePosition.EncodedLongitude, m.SurfacePosition.Format, true)
            : (m.AirbornePosition.EncodedLatitude, m.AirbornePosition.EncodedLongitude, m.AirbornePosition.Format, false);
    }

    private static (double Lat, double Lon) Reference(TestVector vector)
    {
        var text = vector.Context[(vector.Context.IndexOf("ref=", StringComparison.Ordinal) + 4)..].Split(' ')[0].Split('/');
        return (double.Parse(text[0], CultureInfo.InvariantCulture), double.Parse(text[1], CultureInfo.InvariantCulture));
    }

    private static double Tolerance(TestVector vector) => vector.Value("lon").Contains("abs tol 0.001", StringComparison.Ordinal) ? 0.001 : 1e-9;

    public static TheoryData<string> Ids(string kind) => new(AdsbData.TestVectors.Where(v => v.Kind == kind).Select(v => v.Id));

    [Theory]
    [MemberData(nameof(Ids), "global-cpr")]
    public void GlobalAirborne_GivesTheNewerFramesPosition(string id)
    {
        var vector = AdsbData.Vector(id);
        var even = Encoded(vector.Bytes(0));
        var odd = Encoded(vector.Bytes(1));
        Assert.Equal((CprFormat.Even, CprFormat.Odd), (even.Format, odd.Format));
        var newer = vector.Context.Contains("odd newer", StringComparison.Ordinal) ? CprFormat.Odd : CprFormat.Even;
        Assert.True(CprDecoder.TryDecodeGlobalAirborne(even.Lat, even.Lon, odd.Lat, odd.Lon, newer, out var lat, out var lon));
        Assert.Equal(vector.Number("lat"), lat, Tolerance(vector));
        Assert.Equal(vector.Number("lon"), lon, Tolerance(vector));
        if (vector.Expected.ContainsKey("NL"))
        {
            Assert.Equal((int)vector.Number("NL"), CprDecoder.NumberOfLongitudeZones(lat));
        }
    }

    [Theory]
    [MemberData(nameof(Ids), "local-cpr")]
    public void Local_AgainstTheStatedReference(string id)
    {
        var vector = AdsbData.Vector(id);
        var frame = Encoded(vector.Bytes());
        var (refLat, refLon) = Reference(vector);
        CprDecoder.DecodeLocal(frame.Lat, frame.Lon, frame.Format, frame.Surface, refLat, refLon, out var lat, out var lon);
        Assert.Equal(vector.Number("lat"), lat, Tolerance(vector));
        Assert.Equal(vector.Number("lon"), lon, Tolerance(vector));
    }

    [Fact]
    public void GlobalSurface_PicksTheQuadrantNearestTheReceiver()
    {
        var vector = AdsbData.Vector("surf-pair-global");
        var even = Encoded(vector.Bytes(0));
        var odd = Encoded(vector.Bytes(1));
        var (refLat, refLon) = Reference(vector);
        Assert.True(CprDecoder.TryDecodeGlobalSurface(even.Lat, even.Lon, odd.Lat, odd.Lon, CprFormat.Odd, refLat, refLon, out var lat, out var lon));
        Assert.Equal(vector.Number("lat"), lat, 1e-6);
        Assert.Equal(vector.Number("lon"), lon, 1e-6);
        Assert.Equal((int)vector.Number("NL"), CprDecoder.NumberOfLongitudeZones(lat));

        // The same pair seen from the southern hemisphere and 90° further west resolves there instead.
        Assert.True(CprDecoder.TryDecodeGlobalSurface(even.Lat, even.Lon, odd.Lat, odd.Lon, CprFormat.Odd, -40.0, -80.0, out lat, out lon));
        Assert.Equal(vector.Number("lat") - 90.0, lat, 1e-6);
        Assert.Equal(vector.Number("lon") - 90.0, lon, 1e-6);
    }

    [Fact]
    public void GlobalAirborne_PairAcrossAZoneBoundary_IsRefused()
    {
        // The NL 59/58 transition is at 10.4705° N. Even frame at 10.46° N (NL 59), odd frame at 10.48° N (NL 58).
        var evenLat = EncodeLatitude(10.46, CprFormat.Even);
        Assert.False(CprDecoder.TryDecodeGlobalAirborne(evenLat, 0, EncodeLatitude(10.48, CprFormat.Odd), 0, CprFormat.Even, out _, out _));

        // Both below the transition: accepted, and the even (newer) latitude comes back.
        Assert.True(CprDecoder.TryDecodeGlobalAirborne(evenLat, 0, EncodeLatitude(10.465, CprFormat.Odd), 0, CprFormat.Even, out var lat, out _));
        Assert.Equal(10.46, lat, 1e-4);
    }

    [Theory]
    [InlineData(0.0, 59)]
    [InlineData(10.47, 59)]
    [InlineData(10.48, 58)]
    [InlineData(-52.25, 36)]
    [InlineData(86.99, 2)]
    [InlineData(87.0, 2)]
    [InlineData(87.01, 1)]
    [InlineData(-90.0, 1)]
    public void NumberOfLongitudeZones_FollowsTheTransitionLatitudes(double lat, int nl) =>
        Assert.Equal(nl, CprDecoder.NumberOfLongitudeZones(lat));

    /// <summary>Encodes a latitude as the 17-bit CPR value (DO-260B §A.1.7.3), for boundary tests.</summary>
    private static int EncodeLatitude(double lat, CprFormat format)
    {
        var dlat = 360.0 / (60 - (int)format);
        var yz = Math.Floor((CprDecoder.Scale * (((lat % dlat) + dlat) % dlat) / dlat) + 0.5);
        return (int)yz & 0x1FFFF;
    }
}
