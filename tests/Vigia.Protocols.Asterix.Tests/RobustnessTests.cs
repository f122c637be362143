using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigia.Protocols.Asterix.Cat062;
using Vigia.Protocols.Asterix.Tests.Support;

namespace Vigia.Protocols.Asterix.Tests;

/// <summary>Property tests: random and mutated bytes never throw, and every record accepted can be read in full.</summary>
public sealed class RobustnessTests
{
    private static readonly byte[] Categories = [21, 34, 48, 62, 65, 1];

    [Property(MaxTest = 2000)]
    public Property RandomBytes_NeverThrow(byte[] bytes) => Prop.ToProperty(DecodesWithoutThrowing(bytes));

    [Property(MaxTest = 3000)]
    public Property RandomRecordsBehindAValidBlockHeader_NeverThrow_AndAreReadableInFull() =>
        Prop.ForAll(
            Gen.Elements(Categories).Zip(ArbMap.Default.GeneratorFor<byte[]>()).ToArbitrary(),
            pair =>
            {
                var (category, body) = pair;
                var block = RecordBuilder.Block(category, body.Length == 0 ? [0x80] : body);
                return DecodesWithoutThrowing(block);
            });

    [Fact]
    public void MutatedGoldenDatagrams_NeverThrow_AndAcceptedRecordsAreReadableInFull()
    {
        var seeds = new List<byte[]>
        {
            RadarData.Raw("cat048.raw"), RadarData.Raw("cat034.raw"), RadarData.Raw("cat062cat065.raw"), RadarData.Raw("cat21_re.ast"),
        };
        seeds.AddRange(RadarData.Pcap("cat_034_048.pcap").Take(20).Select(d => d.Payload));
        var random = new Random(20260815);
        var accepted = 0;
        for (var i = 0; i < 60_000; i++)
        {
            var seed = seeds[random.Next(seeds.Count)];
            var length = Math.Clamp(seed.Length + random.Next(-12, 4), 0, seed.Length);
            var input = seed[..length];
            for (var flips = random.Next(1, 5); flips > 0 && length > 0; flips--)
            {
                input[random.Next(length)] ^= (byte)(1 << random.Next(8));
            }

            var reader = new EveryPropertyReader(input.Length);
            var summary = AsterixDecoder.Decode(input, ref reader);
            Assert.Equal(reader.Records, summary.Records);
            Assert.Equal(reader.Errors, summary.Malformed + summary.Unsupported);
            accepted += reader.Records;
        }

        // Single bit flips in payload values leave most records well formed: the readers above ran on them.
        Assert.True(accepted > 10_000, $"only {accepted} records accepted");
    }

    private static bool DecodesWithoutThrowing(byte[] bytes)
    {
        foreach (var edition in (Cat062Edition[])[Cat062Edition.Edition1, Cat062Edition.Edition0Dot17])
        {
            var reader = new EveryPropertyReader(bytes.Length);
            var summary = AsterixDecoder.Decode(bytes, ref reader, new AsterixDecoderOptions { Cat062Edition = edition });
            if (summary.Records != reader.Records || summary.Malformed + summary.Unsupported != reader.Errors)
            {
                return false;
            }
        }

        return true;
    }
}
