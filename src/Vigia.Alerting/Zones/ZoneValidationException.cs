namespace Vigia.Alerting.Zones;

/// <summary>
/// A zone (or a zone file) that cannot be accepted. <see cref="Field"/> names the offending field in the
/// GeoJSON vocabulary (<c>radius_m</c>, <c>polygon[3]</c>, <c>feature[2].floor_m</c>), and the message is
/// <c>field: reason</c>.
/// </summary>
public sealed class ZoneValidationException : Exception
{
    /// <summary>A generic refusal.</summary>
    public ZoneValidationException()
        : this("zone", "invalid")
    {
    }

    /// <summary>A refusal of the zone as a whole.</summary>
    public ZoneValidationException(string message)
        : this("zone", message)
    {
    }

    /// <summary>A refusal of the zone as a whole, caused by <paramref name="innerException"/>.</summary>
    public ZoneValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "zone";
        Reason = message;
    }

    /// <summary>A refusal of <paramref name="field"/> for <paramref name="reason"/>.</summary>
    public ZoneValidationException(string field, string reason)
        : base($"{field}: {reason}")
    {
        Field = field;
        Reason = reason;
    }

    /// <summary>The field at fault, e.g. <c>ceiling_m</c> or <c>feature[0].polygon</c>.</summary>
    public string Field { get; }

    /// <summary>Why it was refused, without the field name.</summary>
    public string Reason { get; }

    internal ZoneValidationException Under(string prefix) => new($"{prefix}.{Field}", Reason);
}
