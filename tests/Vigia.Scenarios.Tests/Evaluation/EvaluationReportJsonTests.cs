using System.Text.Json;
using Vigia.Scenarios.Evaluation;

namespace Vigia.Scenarios.Tests.Evaluation;

public sealed class EvaluationReportJsonTests
{
    private static EvaluationReport Sample(double? rms = 12.5, double? loop = 0.99) => new()
    {
        CutoffMeters = 50,
        Steps = 2,
        MeanGospa = 32.5,
        MeanGospaP1 = 20.25,
        LocalisationRmsMeters = rms,
        AssignedPairs = 3,
        MeanMissed = 0.5,
        MeanFalse = 0.25,
        TrackSwitches = 1,
        MeanTimeToFirstTrackSeconds = 1.88,
        TruthsEverAssigned = 2,
        Truths = 2,
        MeanConfirmed = 1.5,
        MaxConfirmed = 2,
        DistinctTracks = 3,
        TracksNeverAssigned = 1,
        LoopSeconds = loop,
        Measurements = 894,
        PerStep = [new EvaluationStep(0, 35.355, 1, 0), new EvaluationStep(1, 29.645, 0, 1)],
    };

    [Fact]
    public void ToJson_HasExactlyTheDocumentedKeys()
    {
        using var doc = JsonDocument.Parse(EvaluationReportJson.ToJson(Sample()));
        var root = doc.RootElement;

        Assert.Equal(
            ["mean_gospa", "mean_gospa_p1", "localisation_rms_m", "mean_missed", "mean_false", "track_switches",
             "mean_time_to_first_track_s", "mean_confirmed", "max_confirmed", "tracks_never_assigned", "loop_s", "per_step"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(32.5, root.GetProperty("mean_gospa").GetDouble());
        Assert.Equal(1, root.GetProperty("track_switches").GetInt32());
        var step = root.GetProperty("per_step")[1];
        Assert.Equal(["t", "gospa", "missed", "false"], step.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, step.GetProperty("false").GetInt32());
    }

    [Fact]
    public void ToJson_UndefinedFigures_AreNull()
    {
        using var doc = JsonDocument.Parse(EvaluationReportJson.ToJson(Sample(rms: null, loop: null), indented: false));
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("localisation_rms_m").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("loop_s").ValueKind);
    }

    [Fact]
    public void TextTable_ShowsTheHeadlineFigures()
    {
        var text = EvaluationReportText.Format(Sample(), includeSteps: true);

        Assert.Contains("mean GOSPA (c = 50 m, p = 2)  32.500", text, StringComparison.Ordinal);
        Assert.Contains("track switches", text, StringComparison.Ordinal);
        Assert.Contains("tracks never assigned         1 of 3", text, StringComparison.Ordinal);
        Assert.Contains("       1    29.645       0      1", text, StringComparison.Ordinal);
    }
}
