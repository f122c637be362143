namespace Vigia.Core.Geodesy;

/// <summary>
/// A position or displacement in a local East-North-Up frame, metres. Which frame (its geodetic
/// origin) is a property of the owner, e.g. a local tangent plane or a tracker's picture frame.
/// </summary>
/// <remarks>Thread-safety: immutable value type, safe to share.</remarks>
/// <param name="EastMeters">East component, metres.</param>
/// <param name="NorthMeters">North component, metres.</param>
/// <param name="UpMeters">Up component (along the ellipsoid normal at the frame origin), metres.</param>
public readonly record struct EnuVector(double EastMeters, double NorthMeters, double UpMeters)
{
    /// <summary>The zero vector (the frame origin).</summary>
    public static EnuVector Zero => default;

    /// <summary>Euclidean length, metres.</summary>
    public double Length => Math.Sqrt((EastMeters * EastMeters) + (NorthMeters * NorthMeters) + (UpMeters * UpMeters));

    /// <summary>Horizontal (east-north) length, metres.</summary>
    public double HorizontalLength => Math.Sqrt((EastMeters * EastMeters) + (NorthMeters * NorthMeters));

    /// <summary>Component-wise sum.</summary>
    public static EnuVector operator +(EnuVector a, EnuVector b) =>
        new(a.EastMeters + b.EastMeters, a.NorthMeters + b.NorthMeters, a.UpMeters + b.UpMeters);

    /// <summary>Component-wise difference.</summary>
    public static EnuVector operator -(EnuVector a, EnuVector b) =>
        new(a.EastMeters - b.EastMeters, a.NorthMeters - b.NorthMeters, a.UpMeters - b.UpMeters);

    /// <summary>Scales every component.</summary>
    public static EnuVector operator *(double k, EnuVector v) => new(k * v.EastMeters, k * v.NorthMeters, k * v.UpMeters);

    /// <summary>True if every component is a finite number.</summary>
    public bool IsFinite => double.IsFinite(EastMeters) && double.IsFinite(NorthMeters) && double.IsFinite(UpMeters);
}
