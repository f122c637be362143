using FsCheck.Xunit;
using Vigia.Alerting.Alerts;
using Vigia.Alerting.Rules;
using Vigia.Core.Tracks;
using static Vigia.Alerting.Tests.Lifecycle.Picture;

namespace Vigia.Alerting.Tests.Lifecycle;

/// <summary>Properties of the lifecycle under random noise and random presence, over many seeds.</summary>
public sealed class AlertLifecyclePropertyTests
{
    /// <summary>A track hovering on a boundary (zone edge or buffer edge) with ±40 m of position noise for ten minutes, then leaving.</summary>
    private static List<(double T, AlertEvent Event)> NoisyEdge(int seed, double edgeMeters)
    {
        var random = new Random(seed);
        var engine = Engine();
        var events = new List<(double, AlertEvent)>();
        for (var t = 0; t <= 800; t++)
        {
            TrackSnapshot[] picture = t <= 600
                ? [Track(1, (random.NextDouble() * 80) - 40, edgeMeters + (random.NextDouble() * 80) - 40, (random.NextDouble() * 4) - 2, (random.NextDouble() * 4) - 2, t)]
                : [];
            events.AddRange(engine.Evaluate(At(t), picture).Select(e => (t * 1.0, e)));
        }

        return events;
    }

    [Property(MaxTest = 40)]
    public bool NoisyTrackOnTheZoneEdge_NeverFlaps(int seed)
    {
        var events = NoisyEdge(seed, 500);
        var raised = events.Count(e => e.Event.Change == AlertChange.Raised);
        var cleared = events.Where(e => e.Event.Change == AlertChange.Cleared).ToList();
        // While it hovers the level may rise (advisory → warning → alarm) but never falls and rises again.
        var levels = events.Where(e => e.T <= 600).Select(e => e.Event.Alert.Level).ToList();
        var neverFalls = levels.Zip(levels.Skip(1)).All(p => p.Second >= p.First);
        return raised == 1 && cleared.Count == 1 && cleared[0].T > 600 + new ThreatRuleOptions().ClearAfterSeconds && neverFalls;
    }

    [Property(MaxTest = 40)]
    public bool NoisyTrackOnTheBufferEdge_NeverFlaps(int seed)
    {
        var events = NoisyEdge(seed, 1500);
        return events.Count(e => e.Event.Change == AlertChange.Raised) <= 1
            && events.Count(e => e.Event.Change == AlertChange.Cleared) <= 1
            && events.All(e => e.Event.Alert.Level <= AlertLevel.Warning);
    }

    [Property(MaxTest = 60)]
    public bool AnAlertClearsOnlyAfterTheDwell_AndARaiseNeedsTheConditionBack(int seed)
    {
        // A track that comes and goes at random (bursts of presence inside the zone, random gaps). A drone that
        // really leaves and comes back after the dwell is a new incident; what must never happen is a clear
        // while the condition was met within the dwell, or a raise without the condition.
        var random = new Random(seed);
        var options = new ThreatRuleOptions();
        var engine = Engine(options);
        var lastMet = double.NegativeInfinity;
        var present = false;
        for (var t = 0; t <= 1200; t++)
        {
            if (random.NextDouble() < 0.05)
            {
                present = !present;
            }

            if (present)
            {
                lastMet = t;
            }

            foreach (var e in engine.Evaluate(At(t), present ? [Track(1, 0, 100, t: t)] : []))
            {
                if (e.Change == AlertChange.Cleared)
                {
                    if (t - lastMet < options.ClearAfterSeconds)
                    {
                        return false;
                    }

                }
                else if (e.Change == AlertChange.Raised && !present)
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Property(MaxTest = 60)]
    public bool AcknowledgedAlertsStayAcknowledgedThroughUpdates(int seed)
    {
        var random = new Random(seed);
        var engine = Engine();
        string? acknowledged = null;
        for (var t = 0; t <= 600; t++)
        {
            // Random walk in and out of the zone, buffer and beyond.
            var north = 100 + (random.Next(0, 4) * 500);
            foreach (var e in engine.Evaluate(At(t), [Track(1, 0, north, t: t)]))
            {
                if (acknowledged == e.Alert.Id && e.Alert.Acknowledgement is null)
                {
                    return false;
                }
            }

            if (acknowledged is null && engine.Active is [var standing, ..] && random.NextDouble() < 0.1)
            {
                acknowledged = engine.Acknowledge(standing.Id, "op", At(t))?.Alert.Id;
            }
        }

        return true;
    }
}
