namespace Vigia.Server.Security;

/// <summary>Claim types, roles and policy names of the server's bearer authentication.</summary>
public static class VigiaClaims
{
    /// <summary>Authentication scheme name.</summary>
    public const string Scheme = "VigiaBearer";

    /// <summary>Claim: the sensor id a sensor token belongs to.</summary>
    public const string SensorId = "vigia:sensor";

    /// <summary>Role of a sensor token.</summary>
    public const string SensorRole = "sensor";

    /// <summary>Policy: may post observations (a sensor for itself, or an admin key for any sensor).</summary>
    public const string IngestPolicy = "ingest";

    /// <summary>Policy: may read the picture (viewer, operator, admin keys).</summary>
    public const string ViewerPolicy = "viewer";

    /// <summary>Policy: operator or admin key.</summary>
    public const string OperatorPolicy = "operator";

    /// <summary>Policy: admin key.</summary>
    public const string AdminPolicy = "admin";
}
