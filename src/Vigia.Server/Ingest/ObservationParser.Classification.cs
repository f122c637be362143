using System.Text.Json;
using Vigia.Core.Observations;

namespace Vigia.Server.Ingest;

/// <summary>The optional <c>classification</c> object of <c>vigia-observation/1</c>.</summary>
public sealed partial class ObservationParser
{
    /// <summary>
    /// <c>{"class": "uav_rotary_wing", "confidence": 0.8, "label": "UAV Rotary Wing", "source": "sapient"}</c>:
    /// class required (see <see cref="Classification.ClassName"/>), confidence 0…1 (default 1), label optional,
    /// source optional (<c>radar</c>, <c>sapient</c>, <c>remote_id</c>, <c>adsb</c>; default <c>sapient</c>).
    /// </summary>
    private static Classification? ClassificationOf(JsonElement item, Action<string, string> fail)
    {
        if (!item.TryGetProperty("classification", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            fail("classification", $"must be an object, got {Describe(element.ValueKind)}");
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Name is not ("class" or "confidence" or "label" or "source"))
            {
                fail($"classification.{property.Name}", "unknown field (class, confidence, label, source)");
                return null;
            }
        }

        var ok = true;
        var className = element.TryGetProperty("class", out var c) ? StringValue(c, "classification.class", 1, 32, fail) : null;
        if (className is null)
        {
            if (!element.TryGetProperty("class", out _))
            {
                fail("classification.class", "required");
            }

            ok = false;
        }
        else if (!Classification.TryParseClass(className, out _))
        {
            fail("classification.class", "unknown class (uav, uav_rotary_wing, uav_fixed_wing, manned_aircraft, bird, ground_vehicle, person, other, unknown)");
            ok = false;
        }

        var confidence = 1.0;
        if (element.TryGetProperty("confidence", out var conf))
        {
            if (conf.ValueKind != JsonValueKind.Number || !conf.TryGetDouble(out confidence) || !(confidence >= 0 && confidence <= 1))
            {
                fail("classification.confidence", "must be a number within [0, 1]");
                ok = false;
            }
        }

        var source = EvidenceSource.Sapient;
        if (element.TryGetProperty("source", out var s) && (StringValue(s, "classification.source", 1, 16, fail) is not { } sourceName || !Classification.TryParseSource(sourceName, out source)))
        {
            fail("classification.source", "must be radar, sapient, remote_id or adsb");
            ok = false;
        }

        var label = element.TryGetProperty("label", out var l) ? StringValue(l, "classification.label", 1, 64, fail) : null;
        return ok && Classification.TryParseClass(className, out var objectClass) ? new Classification(objectClass, source, confidence, label) : null;
    }
}
