using Vigia.Protocols.Asterix.Tests.Support;

namespace Vigia.Protocols.Asterix.Tests;

/// <summary>
/// cat_034_048.pcap (SOURCES.md): every record arrives twice, over 232.1.1.y from 10.17.58.183 and over 232.2.1.y from
/// 10.17.58.184. De-duplicated by record octets (which start with SAC/SIC), 64 CAT-048 and 17 CAT-034 records remain.
/// </summary>
public sealed class RedundantNetworkTests
{
    [Fact]
    public void RedundantCapture_DeduplicatesTo64Cat048And17Cat034Records()
    {
        var seen = new Dictionary<(byte Category, string Bytes), List<string>>();
        foreach (var datagram in RadarData.Pcap("cat_034_048.pcap"))
        {
            var collector = RecordCollector.Decode(datagram.Payload);
            Assert.Empty(collector.Errors);
            foreach (var record in collector.Records)
            {
                var key = (record.Category, Convert.ToHexString(record.Bytes));
                if (!seen.TryGetValue(key, out var paths))
                {
                    seen[key] = paths = [];
                }

                paths.Add($"{datagram.Source}>{datagram.Destination.Split('.')[1]}");
            }
        }

        Assert.Equal(128 + 34, seen.Values.Sum(p => p.Count));
        Assert.Equal(64, seen.Keys.Count(k => k.Category == 48));
        Assert.Equal(17, seen.Keys.Count(k => k.Category == 34));

        // Each unique record came once over each network.
        Assert.All(seen.Values, paths => Assert.Equal(["10.17.58.183>1", "10.17.58.184>2"], paths.Order()));
    }
}
