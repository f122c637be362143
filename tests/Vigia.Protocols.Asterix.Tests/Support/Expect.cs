using System.Globalization;
using System.Text.Json;

namespace Vigia.Protocols.Asterix.Tests.Support;

/// <summary>Field comparisons against reference JSON values.</summary>
public static class Expect
{
    /// <summary>The reference prints seven decimals; allow that rounding, relative for large values.</summary>
    public static void Close(JsonElement expected, double? actual, string what)
    {
        Assert.True(actual.HasValue, what + " is missing");
        var e = expected.GetDouble();
        var tolerance = Math.Max(1e-6, Math.Abs(e) * 1e-9);
        Assert.True(Math.Abs(e - actual.Value) <= tolerance, string.Create(CultureInfo.InvariantCulture, $"{what}: expected {e}, got {actual.Value}"));
    }

    public static void Whole(JsonElement expected, long? actual, string what)
    {
        Assert.True(actual.HasValue, what + " is missing");
        Assert.True(expected.GetInt64() == actual.Value, string.Create(CultureInfo.InvariantCulture, $"{what}: expected {expected.GetInt64()}, got {actual.Value}"));
    }

    public static void Flag(JsonElement expected, bool actual, string what) => Whole(expected, actual ? 1 : 0, what);

    public static void Text(JsonElement expected, string? actual, string what) => Assert.True(expected.GetString() == actual, $"{what}: expected '{expected.GetString()}', got '{actual}'");

    /// <summary>A 24-bit address printed as six hex digits.</summary>
    public static void Hex24(JsonElement expected, uint? actual, string what) =>
        Text(expected, actual?.ToString("X6", CultureInfo.InvariantCulture), what);

    public static JsonElement P(this JsonElement e, string name) => e.GetProperty(name);
}
