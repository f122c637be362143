namespace Vigia.Sensors.RemoteId;

/// <summary>
/// Reasons to doubt a Remote ID update (possible spoofing or a faulty transmitter). The decoder reports
/// what the bytes say; these flags are the separate semantic stage (house style §4.7). Several may be set.
/// </summary>
[Flags]
public enum PlausibilityConcerns
{
    /// <summary>Nothing doubtful.</summary>
    None = 0,

    /// <summary>Latitude or longitude outside their ranges, or exactly 0°, 0° while airborne.</summary>
    ImpossiblePosition = 1 << 0,

    /// <summary>Reported ground or vertical speed beyond what a small UAS can do (<see cref="PlausibilityOptions.MaximumSpeedMetersPerSecond"/>).</summary>
    ImpossibleSpeed = 1 << 1,

    /// <summary>The position's own timestamp is far from the receive time (<see cref="PlausibilityOptions.MaximumClockOffsetSeconds"/>).</summary>
    TimestampFarFromReceiveTime = 1 << 2,

    /// <summary>The position moved faster than <see cref="PlausibilityOptions.MaximumSpeedMetersPerSecond"/> since the previous report.</summary>
    ImpossibleJump = 1 << 3,

    /// <summary>The same UAS ID is being broadcast by more than one sender address at once.</summary>
    SeveralSenders = 1 << 4,

    /// <summary>The operator is farther from the aircraft than a control link plausibly reaches (<see cref="PlausibilityOptions.MaximumOperatorDistanceMeters"/>).</summary>
    OperatorTooFar = 1 << 5,

    /// <summary>No Authentication message has been received for this UAS: its identity is unverified.</summary>
    Unauthenticated = 1 << 6,

    /// <summary>The position has no usable timestamp; the receive time was used instead.</summary>
    TimestampMissing = 1 << 7,

    /// <summary>
    /// The UAS ID holds control characters, which no serial number (CTA-2063-A) or registration has: a broken or
    /// forged broadcast.
    /// </summary>
    MalformedId = 1 << 8,
}
