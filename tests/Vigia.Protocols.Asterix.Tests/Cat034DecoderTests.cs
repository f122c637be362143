using System.Text.Json;
using Vigia.Protocols.Asterix.Cat034;
using Vigia.Protocols.Asterix.Tests.Support;

namespace Vigia.Protocols.Asterix.Tests;

/// <summary>CAT-034 against the reference tool's output (cat034.raw and the 34 service messages of cat_034_048.pcap).</summary>
public sealed class Cat034DecoderTests
{
    [Fact]
    public void Cat034Raw_SectorCrossingAt90Degrees_MatchesTheReference()
    {
        var (decoded, expected) = Assert.Single(RadarData.WithReference("cat034.raw", "cat034.raw.asterix.jsonl"));
        AssertMatches(decoded.Bytes, expected);
        var record = Cat034Decoder.Decode(decoded.Bytes);
        Assert.Equal(Cat034MessageType.SectorCrossing, record.MessageType);
        Assert.Equal(90.0, record.SectorAzimuthDegrees);
    }

    [Fact]
    public void RedundantCapture_All34Cat034Records_MatchTheReference()
    {
        var pairs = RadarData.WithReference("cat_034_048.pcap", "cat_034_048.pcap.asterix.jsonl").Where(p => p.Decoded.Category == 34).ToList();
        Assert.Equal(34, pairs.Count);
        foreach (var (decoded, expected) in pairs)
        {
            AssertMatches(decoded.Bytes, expected);
        }
    }

    private static void AssertMatches(byte[] bytes, ReferenceRecord expected)
    {
        Assert.Equal(DecodeStatus.Done, Cat034Decoder.TryDecode(bytes, out var r, out _));
        Assert.Equal(bytes.Length, r.Bytes.Length);
        Assert.Equal(expected.ItemNames, ItemNames.Of(Cat034Uap.Instance, (ulong)r.Items));
        var i010 = expected.Item("I010")!.Value;
        Expect.Whole(i010.P("SAC"), r.DataSource?.Sac, "SAC");
        Expect.Whole(i010.P("SIC"), r.DataSource?.Sic, "SIC");
        Expect.Whole(expected.Item("I000")!.Value.P("MsgTyp"), (int?)r.MessageType, "I000");
        Expect.Close(expected.Item("I030")!.Value.P("ToD"), r.TimeOfDay?.TotalSeconds, "I030");
        if (expected.Item("I020") is { } i020)
        {
            Expect.Close(i020.P("Azi"), r.SectorAzimuthDegrees, "I020");
        }

        if (expected.Item("I041") is { } i041)
        {
            Expect.Close(i041.P("RotS"), r.AntennaRotationPeriodSeconds, "I041");
        }

        if (expected.Item("I120") is { } i120)
        {
            var p = r.DataSourcePosition!.Value;
            Expect.Close(i120.P("Height"), p.HeightMeters, "Height");
            // The tool scales I034/120 by a rounded LSB (2.145767e-5 instead of 180/2^23): about 4e-6° low here,
            // a fifth of an LSB. Compare within half an LSB; the raw value is 2030557 (43.5710263°).
            const double HalfLsb = 90.0 / (1 << 23);
            Assert.InRange(p.LatitudeDegrees - i120.P("LAT").GetDouble(), -HalfLsb, HalfLsb);
            Assert.InRange(p.LongitudeDegrees - i120.P("Lon").GetDouble(), -HalfLsb, HalfLsb);
        }

        AssertStatus(expected.Item("I050"), r.SystemConfiguration);
        AssertProcessing(expected.Item("I060"), r.ProcessingMode);
    }

    private static void AssertStatus(JsonElement? expected, Cat034SystemConfiguration? actual)
    {
        if (expected is not { } i050)
        {
            Assert.Null(actual);
            return;
        }

        var s = actual!.Value;
        var com = i050.P("COM");
        Expect.Flag(com.P("NOGO"), s.IsNoGo, "NOGO");
        Expect.Flag(com.P("RDPC"), s.IsRdpChain2, "RDPC");
        Expect.Flag(com.P("RDPR"), s.IsRdpReset, "RDPR");
        Expect.Flag(com.P("OVLRDP"), s.IsRdpOverloaded, "OVLRDP");
        Expect.Flag(com.P("OVLXMT"), s.IsTransmissionOverloaded, "OVLXMT");
        Expect.Flag(com.P("MSC"), s.IsMonitoringDisconnected, "MSC");
        Expect.Flag(com.P("TSV"), s.IsTimeSourceInvalid, "TSV");
        SensorOctet(i050, "PSR", s.Psr);
        SensorOctet(i050, "SSR", s.Ssr);
        if (i050.TryGetProperty("MDS", out var mds))
        {
            // MDS: ANT CH-A/B(2) OVL-SUR MSC SCF DLF OVL-SCF OVL-DLF spare(7).
            var m = s.ModeS!.Value;
            Expect.Whole(mds.P("MDSANT"), m >> 15, "MDSANT");
            Expect.Whole(mds.P("MDSCHAB"), (m >> 13) & 3, "MDSCHAB");
            Expect.Whole(mds.P("MDSOVLSUR"), (m >> 12) & 1, "MDSOVLSUR");
            Expect.Whole(mds.P("MDSMSC"), (m >> 11) & 1, "MDSMSC");
            Expect.Whole(mds.P("MDSSCF"), (m >> 10) & 1, "MDSSCF");
            Expect.Whole(mds.P("MDSDLF"), (m >> 9) & 1, "MDSDLF");
            Expect.Whole(mds.P("MDSOVLSCF"), (m >> 8) & 1, "MDSOVLSCF");
            Expect.Whole(mds.P("MDSOVLDLF"), (m >> 7) & 1, "MDSOVLDLF");
        }
        else
        {
            Assert.Null(s.ModeS);
        }
    }

    private static void SensorOctet(JsonElement i050, string name, byte? octet)
    {
        if (!i050.TryGetProperty(name, out var e))
        {
            Assert.Null(octet);
            return;
        }

        // PSR and SSR: ANT CH-A/B(2) OVL MSC spare(3).
        var o = octet!.Value;
        Expect.Whole(e.P(name + "ANT"), o >> 7, name + "ANT");
        Expect.Whole(e.P(name + "CHAB"), (o >> 5) & 3, name + "CHAB");
        Expect.Whole(e.P(name + "OVL"), (o >> 4) & 1, name + "OVL");
        Expect.Whole(e.P(name + "MSC"), (o >> 3) & 1, name + "MSC");
    }

    private static void AssertProcessing(JsonElement? expected, Cat034ProcessingMode? actual)
    {
        if (expected is not { } i060)
        {
            Assert.Null(actual);
            return;
        }

        var p = actual!.Value;
        var com = i060.P("COM");
        Expect.Whole(com.P("REDRDP"), p.RdpReductionStep, "REDRDP");
        Expect.Whole(com.P("REDXMT"), p.TransmissionReductionStep, "REDXMT");
        if (i060.TryGetProperty("MDS", out var mds))
        {
            Expect.Whole(mds.P("MDSREDRAD"), p.ModeS!.Value >> 5, "MDSREDRAD");
            Expect.Whole(mds.P("CLU"), (p.ModeS!.Value >> 4) & 1, "CLU");
        }
        else
        {
            Assert.Null(p.ModeS);
        }
    }
}
