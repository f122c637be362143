using Vigia.Core.Geodesy;

namespace Vigia.Scenarios.Simulation;

/// <summary>
/// The exact flight of a <see cref="ScriptedTarget"/>: it appears at its first waypoint at its start time,
/// hovers there for that waypoint's hover time, flies each leg in a straight line at the leg's constant
/// speed, hovers at each waypoint on arrival, and then leaves, loops (a closing leg back to the first
/// waypoint, and the whole route again) or holds its last position. Velocity changes are instantaneous.
/// </summary>
/// <remarks>Thread-safety: immutable; safe to share.</remarks>
internal sealed class ScriptedTrajectory
{
    private readonly List<Segment> _segments = [];
    private readonly ScriptedTargetEnd _end;

    public ScriptedTrajectory(ScriptedTarget target)
    {
        StartSeconds = target.StartSeconds;
        _end = target.End;
        var points = target.Waypoints;
        var t = 0.0;
        Add(ref t, points[0].Position, points[0].Position, points[0].HoverSeconds);
        for (var i = 1; i < points.Count; i++)
        {
            Leg(ref t, points[i - 1].Position, points[i]);
        }

        if (_end == ScriptedTargetEnd.Loop && points.Count > 1)
        {
            Leg(ref t, points[^1].Position, points[0] with { HoverSeconds = 0 });
        }

        CycleSeconds = t;
        DeathSeconds = _end == ScriptedTargetEnd.Leave ? StartSeconds + t : double.PositiveInfinity;
    }

    /// <summary>When it appears, s.</summary>
    public double StartSeconds { get; }

    /// <summary>When it leaves the picture, s (infinity for loop and hold).</summary>
    public double DeathSeconds { get; }

    /// <summary>Duration of one pass over the route (with the closing leg of a loop), s.</summary>
    public double CycleSeconds { get; }

    /// <summary>Position and velocity at <paramref name="t"/>; false before the start or after leaving.</summary>
    public bool TryState(double t, out EnuVector position, out EnuVector velocity)
    {
        position = velocity = EnuVector.Zero;
        if (t < StartSeconds || t >= DeathSeconds)
        {
            return false;
        }

        var tau = t - StartSeconds;
        if (_end == ScriptedTargetEnd.Loop && CycleSeconds > 0)
        {
            // The first pass starts with the first waypoint's hover; later passes too (the closing leg arrives there).
            tau %= CycleSeconds;
        }

        foreach (var s in _segments)
        {
            if (tau < s.End)
            {
                var duration = s.End - s.Begin;
                var f = duration > 0 ? (tau - s.Begin) / duration : 1;
                position = s.From + (f * (s.To - s.From));
                velocity = duration > 0 ? (1 / duration) * (s.To - s.From) : EnuVector.Zero;
                return true;
            }
        }

        // Hold (or the very end of a leave route): at the last point, still.
        position = _segments[^1].To;
        return true;
    }

    private void Leg(ref double t, EnuVector from, ScriptedWaypoint to)
    {
        Add(ref t, from, to.Position, (to.Position - from).Length / to.SpeedMetersPerSecond);
        Add(ref t, to.Position, to.Position, to.HoverSeconds);
    }

    private void Add(ref double t, EnuVector from, EnuVector to, double seconds)
    {
        if (seconds <= 0 && _segments.Count > 0)
        {
            return;
        }

        _segments.Add(new Segment(t, t + Math.Max(0, seconds), from, to));
        t += Math.Max(0, seconds);
    }

    private readonly record struct Segment(double Begin, double End, EnuVector From, EnuVector To);
}
