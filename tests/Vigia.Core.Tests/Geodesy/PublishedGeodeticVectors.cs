using Vigia.Core.Geodesy;

namespace Vigia.Core.Tests.Geodesy;

/// <summary>
/// Published WGS-84 geodetic ↔ ECEF pairs. In each the geodetic coordinates are the exact input and
/// the ECEF coordinates the published result, rounded to the digits shown.
/// </summary>
internal static class PublishedGeodeticVectors
{
    public static readonly IReadOnlyDictionary<string, (GeoPosition Geodetic, EcefPosition Ecef)> ByName =
        new Dictionary<string, (GeoPosition, EcefPosition)>
        {
            // IOGP Publication 373-7-2 (Geomatics Guidance Note 7 part 2), "Geographic/geocentric
            // conversions", EPSG method 9602, worked example (North Sea point, WGS 84):
            // 53°48'33.820"N, 2°07'46.380"E, h = 73.0 m -> X = 3771793.968, Y = 140253.342, Z = 5124304.349 m.
            ["IOGP GN7-2 EPSG 9602 North Sea"] = (
                new GeoPosition(GeodeticError.Dms(53, 48, 33.820), GeodeticError.Dms(2, 7, 46.380), 73.0),
                new EcefPosition(3771793.968, 140253.342, 5124304.349)),

            // IOGP Publication 373-7-2, "Geographic/topocentric conversions", EPSG method 9837, worked
            // example: topocentric origin 55°00'00"N, 5°00'00"E, h = 200 m (WGS 84) has
            // Xo = 3652755.3058, Yo = 319574.6799, Zo = 5201547.3536 m.
            ["IOGP GN7-2 EPSG 9837 origin"] = (
                new GeoPosition(55.0, 5.0, 200.0),
                new EcefPosition(3652755.3058, 319574.6799, 5201547.3536)),

            // scivision/pymap3d test suite (tests/test_geodetic.py, lla0 and xyz0, WGS-84):
            // 42°N, 82°W, h = 200 m -> (660675.2518247, -4700948.68316, 4245737.66222) m.
            ["pymap3d lla0"] = (
                new GeoPosition(42.0, -82.0, 200.0),
                new EcefPosition(660675.2518247, -4700948.68316, 4245737.66222)),
        };

    public static TheoryData<string> Names => new(ByName.Keys);
}
