namespace Vigia.Protocols.Asterix.Tests.Support;

/// <summary>The shared radar recordings (shared/data/radar, see its SOURCES.md) decoded into records.</summary>
public static class RadarData
{
    /// <summary>The bytes of a raw recording (concatenated data blocks).</summary>
    public static byte[] Raw(string file) => File.ReadAllBytes(Vigia.Testing.TestPaths.SharedData("radar", file));

    /// <summary>The UDP payloads of a pcap recording.</summary>
    public static IReadOnlyList<UdpDatagram> Pcap(string file) => PcapFile.ReadUdp(Vigia.Testing.TestPaths.SharedData("radar", file));

    /// <summary>Every record of a raw file or pcap, in order; fails on any decode error.</summary>
    public static IReadOnlyList<DecodedRecord> Records(string file)
    {
        var records = new List<DecodedRecord>();
        IEnumerable<byte[]> payloads = file.EndsWith(".pcap", StringComparison.Ordinal) ? Pcap(file).Select(d => d.Payload) : [Raw(file)];
        foreach (var payload in payloads)
        {
            var collector = RecordCollector.Decode(payload);
            Assert.Empty(collector.Errors);
            records.AddRange(collector.Records);
        }

        return records;
    }

    /// <summary>Pairs the decoded records of <paramref name="file"/> with its reference file, checking the record octets agree.</summary>
    public static IReadOnlyList<(DecodedRecord Decoded, ReferenceRecord Expected)> WithReference(string file, string referenceFile)
    {
        var decoded = Records(file);
        var expected = ReferenceRecord.Load(referenceFile);
        Assert.Equal(expected.Count, decoded.Count);
        for (var i = 0; i < decoded.Count; i++)
        {
            Assert.Equal(expected[i].Category, decoded[i].Category);
            Assert.Equal(Convert.ToHexString(expected[i].Bytes), Convert.ToHexString(decoded[i].Bytes));
        }

        return decoded.Zip(expected).ToList();
    }
}
