namespace Vigia.Protocols.Asterix.Cat062;

/// <summary>The subfields of I062/295 Track Data Ages (value = subfield number, edition 1.18).</summary>
public enum Cat062DataAge
{
    /// <summary>MFL: measured flight level (I062/136).</summary>
    MeasuredFlightLevel = 1,

    /// <summary>MD1: Mode 1 code.</summary>
    Mode1 = 2,

    /// <summary>MD2: Mode 2 code.</summary>
    Mode2 = 3,

    /// <summary>MDA: Mode 3/A code (I062/060).</summary>
    Mode3A = 4,

    /// <summary>MD4: Mode 4.</summary>
    Mode4 = 5,

    /// <summary>MD5: Mode 5.</summary>
    Mode5 = 6,

    /// <summary>MHG: magnetic heading (I062/380).</summary>
    MagneticHeading = 7,

    /// <summary>IAS: indicated airspeed or Mach.</summary>
    IndicatedAirspeed = 8,

    /// <summary>TAS: true airspeed.</summary>
    TrueAirspeed = 9,

    /// <summary>SAL: selected altitude.</summary>
    SelectedAltitude = 10,

    /// <summary>FSS: final state selected altitude.</summary>
    FinalStateSelectedAltitude = 11,

    /// <summary>TID: trajectory intent.</summary>
    TrajectoryIntent = 12,

    /// <summary>COM: communications/ACAS capability and flight status.</summary>
    Communications = 13,

    /// <summary>SAB: status reported by ADS-B.</summary>
    AdsBStatus = 14,

    /// <summary>ACS: ACAS resolution advisory report.</summary>
    AcasResolutionAdvisory = 15,

    /// <summary>BVR: barometric vertical rate.</summary>
    BarometricVerticalRate = 16,

    /// <summary>GVR: geometric vertical rate.</summary>
    GeometricVerticalRate = 17,

    /// <summary>RAN: roll angle.</summary>
    RollAngle = 18,

    /// <summary>TAR: track angle rate.</summary>
    TrackAngleRate = 19,

    /// <summary>TAN: track angle.</summary>
    TrackAngle = 20,

    /// <summary>GSP: ground speed.</summary>
    GroundSpeed = 21,

    /// <summary>VUN: velocity uncertainty.</summary>
    VelocityUncertainty = 22,

    /// <summary>MET: meteorological data.</summary>
    Meteorological = 23,

    /// <summary>EMC: emitter category.</summary>
    EmitterCategory = 24,

    /// <summary>POS: position.</summary>
    Position = 25,

    /// <summary>GAL: geometric altitude.</summary>
    GeometricAltitude = 26,

    /// <summary>PUN: position uncertainty.</summary>
    PositionUncertainty = 27,

    /// <summary>MB: Mode S MB data.</summary>
    ModeSMbData = 28,

    /// <summary>IAR: indicated airspeed.</summary>
    IndicatedAirspeedData = 29,

    /// <summary>MAC: Mach number.</summary>
    MachNumber = 30,

    /// <summary>BPS: barometric pressure setting.</summary>
    BarometricPressureSetting = 31,
}
