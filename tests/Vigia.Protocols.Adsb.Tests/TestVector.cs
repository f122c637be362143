using System.Globalization;

namespace Vigia.Protocols.Adsb.Tests;

/// <summary>One row of shared/data/adsb/test_vectors.csv (compiled from The 1090 MHz Riddle and pyModeS tests; the source column cites each).</summary>
internal sealed record TestVector(string Id, string[] Hex, int Df, int Tc, string Kind, uint CrcRemainder, IReadOnlyDictionary<string, string> Expected, string Context, string Source)
{
    public byte[] Bytes(int index = 0) => Convert.FromHexString(Hex[index]);

    public string Value(string key) => Expected[key];

    /// <summary>The leading number of an expected value such as <c>"159 (159.20)"</c> or <c>"49.82410 (abs tol 0.001)"</c>.</summary>
    public double Number(string key) => double.Parse(Expected[key].Split(' ')[0], CultureInfo.InvariantCulture);

    public static TestVector Parse(string line)
    {
        var f = SplitCsv(line);
        var expected = f[6].Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(kv => kv.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0].Trim(), kv => kv[1].Trim());
        return new TestVector(
            f[0], f[1].Split('+'), int.Parse(f[2], CultureInfo.InvariantCulture), int.Parse(f[3], CultureInfo.InvariantCulture), f[4],
            uint.Parse(f[5], CultureInfo.InvariantCulture), expected, f[7], f[8]);
    }

    private static string[] SplitCsv(string line)
    {
        // The file has no quoted fields; the last column (source) may not contain commas either.
        var parts = line.Split(',');
        return parts.Length == 9 ? parts : throw new FormatException("test_vectors.csv row with " + parts.Length + " fields: " + line);
    }
}
