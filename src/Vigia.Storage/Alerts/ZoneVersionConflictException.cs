namespace Vigia.Storage.Alerts;

/// <summary>A zone save named a version that is no longer the current one (someone else edited it first).</summary>
public sealed class ZoneVersionConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ZoneVersionConflictException(string zoneId, int expected, int actual)
        : base($"zone '{zoneId}' is at version {actual}, not {expected}: reload it and edit again")
    {
        ZoneId = zoneId;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>Creates the exception.</summary>
    public ZoneVersionConflictException()
    {
        ZoneId = "";
    }

    /// <summary>Creates the exception.</summary>
    public ZoneVersionConflictException(string message)
        : base(message)
    {
        ZoneId = "";
    }

    /// <summary>Creates the exception.</summary>
    public ZoneVersionConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
        ZoneId = "";
    }

    /// <summary>The zone.</summary>
    public string ZoneId { get; }

    /// <summary>The version the caller edited.</summary>
    public int Expected { get; }

    /// <summary>The version stored (0 when the zone does not exist).</summary>
    public int Actual { get; }
}
