namespace Vigia.Alerting.Zones;

/// <summary>The horizontal outline of a zone: a WGS-84 polygon ring or a circle.</summary>
public abstract record ZoneShape
{
    private protected ZoneShape()
    {
    }
}
