using Vigia.Core.Observations;

namespace Vigia.Tracking.Models;

/// <summary>Maps each <see cref="MeasurementKind"/> the tracker fuses to its measurement model.</summary>
public static class MeasurementModels
{
    /// <summary>
    /// The model for a kind. <see cref="MeasurementKind.GeodeticPosition"/> has none: the tracker
    /// converts geodetic observations into its ENU picture frame first.
    /// </summary>
    public static IMeasurementModel? For(MeasurementKind kind) => kind switch
    {
        MeasurementKind.EnuPosition => PositionMeasurementModel.Instance,
        MeasurementKind.RangeAzimuthElevation => RangeAzimuthElevationModel.Instance,
        MeasurementKind.Azimuth => AzimuthElevationModel.AzimuthOnly,
        MeasurementKind.AzimuthElevation => AzimuthElevationModel.WithElevation,
        _ => null,
    };
}
