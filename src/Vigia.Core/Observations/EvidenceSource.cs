namespace Vigia.Core.Observations;

/// <summary>
/// Where a classification comes from, in rising order of trust for "what is it": a radar plot says
/// nothing; a SAPIENT sensor's classifier gives a class with a confidence; a Remote ID broadcast says it
/// is a drone; an ADS-B broadcast says it is a manned aircraft.
/// </summary>
public enum EvidenceSource
{
    /// <summary>Radar (or any sensor) without a classifier.</summary>
    Radar = 0,

    /// <summary>A SAPIENT detection's classification.</summary>
    Sapient = 1,

    /// <summary>A Remote ID broadcast (ASTM F3411 / EN 4709-002).</summary>
    RemoteId = 2,

    /// <summary>An ADS-B (Mode S extended squitter) broadcast.</summary>
    Adsb = 3,
}
