namespace Vigia.Protocols.Asterix.Cat048;

/// <summary>TYP of I048/020 Target Report Descriptor: which sensors detected the target.</summary>
public enum Cat048DetectionType
{
    /// <summary>0: no detection (extrapolated track).</summary>
    NoDetection = 0,

    /// <summary>1: single PSR detection.</summary>
    SinglePsr = 1,

    /// <summary>2: single SSR detection.</summary>
    SingleSsr = 2,

    /// <summary>3: SSR + PSR detection.</summary>
    SsrPlusPsr = 3,

    /// <summary>4: single Mode S all-call.</summary>
    ModeSAllCall = 4,

    /// <summary>5: single Mode S roll-call.</summary>
    ModeSRollCall = 5,

    /// <summary>6: Mode S all-call + PSR.</summary>
    ModeSAllCallPlusPsr = 6,

    /// <summary>7: Mode S roll-call + PSR.</summary>
    ModeSRollCallPlusPsr = 7,
}
