namespace Vigia.Server.Ingest;

/// <summary>The sensor kinds a sensor may be registered as, and which observation kinds each may send.</summary>
public static class SensorKinds
{
    /// <summary>Every sensor kind, with the observation kinds (<c>vigia-observation/1</c> <c>kind</c>) it may send.</summary>
    public static IReadOnlyDictionary<string, string[]> Allowed { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["radar"] = ["rae", "enu", "geodetic"],
        ["remote-id"] = ["geodetic"],
        ["direction-finder"] = ["bearing"],
        ["adsb"] = ["geodetic"],
        ["observer"] = ["geodetic", "enu"],
        ["sapient"] = ["geodetic", "enu", "rae", "bearing"],
    };

    /// <summary>True if <paramref name="kind"/> names a sensor kind.</summary>
    public static bool IsKnown(string kind) => Allowed.ContainsKey(kind);

    /// <summary>Observation kinds that need the sensor's registered position.</summary>
    public static bool NeedsPosition(string observationKind) => observationKind is "rae" or "enu" or "bearing";
}
