using System.Globalization;
using System.Text;

namespace Vigia.Cli.Tests.Support;

/// <summary>
/// Writes a small <c>cuas-scenario/1</c> file (docs/tracking-formats.md): one radar at the origin,
/// scans at t = 0..5 s with one good detection of one hovering target each, its truth, and any extra
/// detection objects (raw JSON) added to the scan at t = 2 s.
/// </summary>
internal static class TinyScenario
{
    /// <summary>Radar scans in the file; each carries one good detection.</summary>
    public const int Scans = 6;

    public static string Write(string directory, string name, params string[] extraDetectionsAtT2)
    {
        var json = new StringBuilder();
        json.Append("""
            {
              "schema": "cuas-scenario/1",
              "description": "Vigia.Cli.Tests: one hovering target, faulty detections at t = 2",
              "frame": {"type": "ENU", "units": "m", "axes": ["east", "north", "up"], "origin_wgs84": null},
              "time": {"units": "s", "epoch_utc": "2025-01-01T00:00:00Z", "start_s": 0.0, "end_s": 6.0},
              "sensors": [
                {"id": "radar-1", "type": "radar", "kind": "rae", "position": [0, 0, 0],
                 "values": ["range_m", "azimuth_rad", "elevation_rad"], "noise_std": [5.0, 0.0087, 0.0087],
                 "period_s": 1.0, "offset_s": 0.0, "pd": 0.9, "clutter_per_scan": 0.0}
              ],
              "scans": [

            """);
        for (var t = 0; t < Scans; t++)
        {
            // Target hovering at range 1000 m, azimuth 1 rad, elevation 0.1 rad.
            json.Append(CultureInfo.InvariantCulture, $"    {{\"t\": {t}.0, \"sensor\": \"radar-1\", \"detections\": [\n");
            json.Append("      {\"sensor\": \"radar-1\", \"kind\": \"rae\", \"values\": [1000.0, 1.0, 0.1], \"covariance\": [[25, 0, 0], [0, 7.6e-5, 0], [0, 0, 7.6e-5]], \"truth_id\": 1}");
            if (t == 2)
            {
                foreach (var extra in extraDetectionsAtT2)
                {
                    json.Append(",\n      ").Append(extra);
                }
            }

            json.Append(t < Scans - 1 ? "\n    ]},\n" : "\n    ]}\n");
        }

        // ENU of (1000 m, 1 rad, 0.1 rad): east = r cos(el) sin(az), north = r cos(el) cos(az), up = r sin(el).
        var east = 1000 * Math.Cos(0.1) * Math.Sin(1.0);
        var north = 1000 * Math.Cos(0.1) * Math.Cos(1.0);
        var up = 1000 * Math.Sin(0.1);
        json.Append("  ],\n  \"truth\": [\n    {\"id\": 1, \"uas_id\": null, \"birth_t\": 0.0, \"death_t\": null, \"states\": [\n");
        for (var t = 0; t < Scans; t++)
        {
            json.Append(CultureInfo.InvariantCulture, $"      {{\"t\": {t}.0, \"x\": {east:R}, \"y\": {north:R}, \"z\": {up:R}, \"vx\": 0.0, \"vy\": 0.0, \"vz\": 0.0}}");
            json.Append(t < Scans - 1 ? ",\n" : "\n");
        }

        json.Append("    ]}\n  ]\n}\n");
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, json.ToString());
        return path;
    }
}
