namespace Vigia.Alerting.Zones;

/// <summary>A WGS-84 latitude/longitude pair in degrees (a zone outline vertex; no height).</summary>
public readonly record struct GeoPoint(double LatitudeDegrees, double LongitudeDegrees)
{
    internal void Validate(string field)
    {
        if (!(Math.Abs(LatitudeDegrees) <= 90.0))
        {
            throw new ZoneValidationException(field, $"latitude {LatitudeDegrees} is outside [-90, 90] degrees");
        }

        if (!(Math.Abs(LongitudeDegrees) <= 180.0))
        {
            throw new ZoneValidationException(field, $"longitude {LongitudeDegrees} is outside [-180, 180] degrees");
        }
    }
}
