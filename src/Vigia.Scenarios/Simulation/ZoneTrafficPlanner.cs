using System.Globalization;
using Vigia.Core.Geodesy;
using Vigia.Scenarios.Format;

namespace Vigia.Scenarios.Simulation;

/// <summary>
/// Plans the flights of <see cref="ZoneTrafficOptions"/> as scripted routes (flown exactly by
/// <see cref="ScriptedTrajectory"/>), drawing every choice from one random stream so a seed gives the same plan.
/// </summary>
/// <remarks>
/// <para>
/// Threat and allow-listed flights ("incursions"): flight i of n goes to zone i mod (number of zones). It starts
/// on a random bearing from the zone's centre, between 0 and 500 m beyond (reach + buffer + standoff) — so at
/// least the standoff outside every zone's buffer (bearings are redrawn until that holds and, when possible, the
/// start lies within the area radius) — flies a dog-leg (the midpoint pushed sideways by up to 15 % of the
/// distance) to a random point well inside the zone, hovers there (or, for half of them, hovers half the time and
/// flies one slow 2.5 m/s orbit of up to 40 m radius), then leaves on a random bearing to (reach + buffer +
/// standoff) from the centre, where its truth ends. Approach and exit are redrawn (up to 64 times) until they keep
/// 300 m outside every other zone's buffer, so one flight threatens one zone. Speed is drawn from [0.6, 1] × the maximum, height from the
/// altitude range. Flight i starts at a random time in the i-th of n equal slots of the scenario, late enough in
/// it that the flight ends within the slot when it fits (otherwise at the slot's start), so flights rarely overlap.
/// </para>
/// <para>
/// Cooperative drones fly from t = 0 to the end: a start at least 200 m outside every buffer, then legs of
/// 300–1500 m at 5–15 m/s on random headings, a third of them ending with a 5–30 s hover. A leg is kept only if it
/// stays at least 200 m outside every zone's buffer, ends within the area radius less 200 m, and its straight
/// continuation for two minutes at the leg's speed stays outside every buffer, so a lawful flight never heads at
/// a zone (nor does any heading it sweeps through when it turns at the leg's start without stopping); when no such
/// leg is found in 40 draws the drone hovers 20 s and tries again.
/// </para>
/// <para>
/// Corners flown through without a hover are rounded into arcs (a 3 m/s² turn, in pieces of at most 15°), so
/// velocities change gradually rather than jumping as a scripted target's do.
/// </para>
/// </remarks>
internal static class ZoneTrafficPlanner
{
    private const double StartSpreadMeters = 500;
    private const double DogLegFraction = 0.15;
    private const double OrbitSpeedMetersPerSecond = 2.5;
    private const double OrbitRadiusMeters = 40;
    private const double CooperativeClearanceMeters = 200;
    private const double CooperativeLegMinMeters = 300;
    private const double CooperativeLegMaxMeters = 1500;
    private const double CooperativeSpeedMinMetersPerSecond = 5;
    private const double CooperativeSpeedMaxMetersPerSecond = 15;
    private const double CooperativeLookAheadSeconds = 120;
    private const double CooperativeWaitSeconds = 20;
    private const double SampleStepMeters = 20;
    private const double TurnAccelerationMetersPerSecondSquared = 3;
    private const double ArcStepRadians = 15 * Math.PI / 180;
    private const double OtherZoneClearanceMeters = 300;

    /// <summary>The UAS ID a planned Remote ID drone broadcasts.</summary>
    public static string UasId(int truthId) => RandomPopulation.UasId(truthId);

    /// <summary>
    /// Plans threats, then cooperative drones, then allow-listed flights; their truth ids will be
    /// <paramref name="firstTruthId"/>, +1, … in that order.
    /// </summary>
    public static List<ScriptedTarget> Plan(ZoneTrafficOptions options, IReadOnlyList<ZoneFootprint> zones, double durationSeconds, Xoshiro256StarStar random, int firstTruthId)
    {
        options.Validate();
        if ((options.Threats > 0 || options.Allowed > 0) && zones.Count == 0)
        {
            throw new ArgumentException("threat and allow-listed flights need at least one zone", nameof(zones));
        }

        var targets = new List<ScriptedTarget>(options.Threats + options.Cooperative + options.Allowed);
        for (var i = 0; i < options.Threats; i++)
        {
            targets.Add(Incursion(options, zones, durationSeconds, random, i, options.Threats, TruthRole.Threat, null));
        }

        for (var i = 0; i < options.Cooperative; i++)
        {
            targets.Add(CooperativeFlight(options, zones, durationSeconds, random, i, UasId(firstTruthId + targets.Count)));
        }

        for (var i = 0; i < options.Allowed; i++)
        {
            targets.Add(Incursion(options, zones, durationSeconds, random, i, options.Allowed, TruthRole.Allowed, UasId(firstTruthId + targets.Count)));
        }

        return targets;
    }

    private static ScriptedTarget Incursion(
        ZoneTrafficOptions o, IReadOnlyList<ZoneFootprint> zones, double duration, Xoshiro256StarStar random, int index, int count, TruthRole role, string? uasId)
    {
        var zone = zones[index % zones.Count];
        var speed = random.Uniform(0.6, 1.0) * o.ThreatSpeedMetersPerSecond;
        var up = random.Uniform(o.AltitudeMinMeters, o.AltitudeMaxMeters);
        var outside = zone.ReachMeters + zone.BufferMeters + o.StandoffMeters;
        var hover = zone.InteriorPoint(random);
        var (start, mid) = Approach(o, zones, zone, random, outside, hover);

        var hoverSeconds = random.Uniform(0.5, 1.5) * o.HoverSeconds;
        var loiter = random.Bernoulli(0.5);
        var orbitRadius = Math.Min(OrbitRadiusMeters, 0.3 * zone.ReachMeters);
        var phase = random.Uniform(0, 2 * Math.PI);
        var orbit = Enumerable.Range(0, 8)
            .Select(k => (X: hover.X + (orbitRadius * Math.Sin(phase + (k * Math.PI / 4))), Y: hover.Y + (orbitRadius * Math.Cos(phase + (k * Math.PI / 4)))))
            .ToArray();
        loiter &= orbit.All(p => zone.Contains(p.X, p.Y));

        var exit = Exit(zones, zone, random, outside, hover);

        var waypoints = new List<ScriptedWaypoint>
        {
            Point(start, up, 0, 0),
            Point(mid, up, speed, 0),
            Point(hover, up, speed, loiter ? hoverSeconds / 2 : hoverSeconds),
        };
        if (loiter)
        {
            waypoints.AddRange(orbit.Select(p => Point(p, up, OrbitSpeedMetersPerSecond, 0)));
            waypoints.Add(Point(hover, up, OrbitSpeedMetersPerSecond, 0));
        }

        waypoints.Add(Point(exit, up, speed, 0));
        waypoints = RoundCorners(waypoints);
        var label = string.Create(CultureInfo.InvariantCulture, $"{(role == TruthRole.Threat ? "threat" : "allowed")}-{index}");
        var flight = new ScriptedTarget { Label = label, Waypoints = waypoints, UasId = uasId, Role = role };
        var flightSeconds = new ScriptedTrajectory(flight).CycleSeconds;

        var slot = duration / count;
        var slotStart = index * slot;
        var latest = Math.Min(slotStart + slot, duration) - flightSeconds;
        var startSeconds = latest > slotStart ? random.Uniform(slotStart, latest) : slotStart;
        return flight with { StartSeconds = Math.Round(startSeconds, 1) };
    }

    /// <summary>
    /// A start on a random bearing from the zone, at least the standoff outside every buffer, and the dog-leg's
    /// midpoint, such that the approach keeps <see cref="OtherZoneClearanceMeters"/> outside every other zone's
    /// buffer; the start inside the area when possible. The first draw is kept when no draw satisfies all.
    /// </summary>
    private static ((double X, double Y) Start, (double X, double Y) Mid) Approach(
        ZoneTrafficOptions o, IReadOnlyList<ZoneFootprint> zones, ZoneFootprint zone, Xoshiro256StarStar random, double outside, (double X, double Y) hover)
    {
        ((double X, double Y) Start, (double X, double Y) Mid)? best = null, first = null;
        var bestRange = double.PositiveInfinity;
        for (var attempt = 0; attempt < 64; attempt++)
        {
            var bearing = random.Uniform(0, 2 * Math.PI);
            var d = outside + random.Uniform(0, StartSpreadMeters);
            var start = (X: zone.CentreX + (d * Math.Sin(bearing)), Y: zone.CentreY + (d * Math.Cos(bearing)));
            var (dx, dy) = (hover.X - start.X, hover.Y - start.Y);
            var push = random.Uniform(-DogLegFraction, DogLegFraction);
            var mid = (X: start.X + (0.5 * dx) - (push * dy), Y: start.Y + (0.5 * dy) + (push * dx));
            first ??= (start, mid);
            if (!zones.All(z => z.DistanceMeters(start.X, start.Y) >= z.BufferMeters + o.StandoffMeters)
                || !ClearOfOthers(zones, zone, start, mid) || !ClearOfOthers(zones, zone, mid, hover))
            {
                continue;
            }

            var range = Math.Sqrt((start.X * start.X) + (start.Y * start.Y));
            if (range <= o.AreaRadiusMeters)
            {
                return (start, mid);
            }

            if (range < bestRange)
            {
                (best, bestRange) = ((start, mid), range);
            }
        }

        return best ?? first!.Value;
    }

    /// <summary>A way out on a random bearing to <paramref name="outside"/> from the zone's centre, clear of the other zones when possible.</summary>
    private static (double X, double Y) Exit(IReadOnlyList<ZoneFootprint> zones, ZoneFootprint zone, Xoshiro256StarStar random, double outside, (double X, double Y) hover)
    {
        (double X, double Y)? first = null;
        for (var attempt = 0; attempt < 64; attempt++)
        {
            var bearing = random.Uniform(0, 2 * Math.PI);
            var exit = (X: zone.CentreX + (outside * Math.Sin(bearing)), Y: zone.CentreY + (outside * Math.Cos(bearing)));
            first ??= exit;
            if (ClearOfOthers(zones, zone, hover, exit))
            {
                return exit;
            }
        }

        return first!.Value;
    }

    /// <summary>Whether the segment keeps <see cref="OtherZoneClearanceMeters"/> outside the buffer of every zone but <paramref name="target"/>.</summary>
    private static bool ClearOfOthers(IReadOnlyList<ZoneFootprint> zones, ZoneFootprint target, (double X, double Y) from, (double X, double Y) to) =>
        zones.All(z => ReferenceEquals(z, target) || z.SegmentClearanceMeters(from.X, from.Y, to.X, to.Y, SampleStepMeters) >= z.BufferMeters + OtherZoneClearanceMeters);

    private static ScriptedTarget CooperativeFlight(ZoneTrafficOptions o, IReadOnlyList<ZoneFootprint> zones, double duration, Xoshiro256StarStar random, int index, string uasId)
    {
        var limit = o.AreaRadiusMeters - CooperativeClearanceMeters;
        (double X, double Y) position = default;
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var r = limit * Math.Sqrt(random.NextDouble());
            var bearing = random.Uniform(0, 2 * Math.PI);
            position = (r * Math.Sin(bearing), r * Math.Cos(bearing));
            if (zones.All(z => z.DistanceMeters(position.X, position.Y) >= z.BufferMeters + CooperativeClearanceMeters))
            {
                break;
            }
        }

        var up = random.Uniform(o.AltitudeMinMeters, o.AltitudeMaxMeters);
        var waypoints = new List<ScriptedWaypoint> { Point(position, up, 0, 0) };
        var t = 0.0;
        (double X, double Y)? heading = null;
        while (t < duration)
        {
            // After a hover the drone sets off from rest, so the turn there sweeps nothing.
            var turningFrom = waypoints[^1].HoverSeconds > 0 ? null : heading;
            var leg = Leg(zones, random, position, limit, turningFrom);
            if (leg is not { } found)
            {
                waypoints[^1] = waypoints[^1] with { HoverSeconds = waypoints[^1].HoverSeconds + CooperativeWaitSeconds };
                t += CooperativeWaitSeconds;
                continue;
            }

            var hover = random.Bernoulli(1.0 / 3) ? random.Uniform(5, 30) : 0;
            waypoints.Add(Point(found.End, up, found.Speed, hover));
            t += (found.Length / found.Speed) + hover;
            heading = ((found.End.X - position.X) / found.Length, (found.End.Y - position.Y) / found.Length);
            position = found.End;
        }

        return new ScriptedTarget
        {
            Label = string.Create(CultureInfo.InvariantCulture, $"cooperative-{index}"),
            Waypoints = RoundCorners(waypoints),
            End = ScriptedTargetEnd.Hold,
            UasId = uasId,
            Role = TruthRole.Cooperative,
        };
    }

    /// <summary>
    /// A lawful leg from <paramref name="from"/>, or null when 40 draws found none. When the drone arrives flying
    /// along <paramref name="turningFrom"/> (a unit vector), every heading its turn sweeps through must be lawful too.
    /// </summary>
    private static ((double X, double Y) End, double Speed, double Length)? Leg(
        IReadOnlyList<ZoneFootprint> zones, Xoshiro256StarStar random, (double X, double Y) from, double limit, (double X, double Y)? turningFrom)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var heading = random.Uniform(0, 2 * Math.PI);
            var length = random.Uniform(CooperativeLegMinMeters, CooperativeLegMaxMeters);
            var speed = random.Uniform(CooperativeSpeedMinMetersPerSecond, CooperativeSpeedMaxMetersPerSecond);
            var (ux, uy) = (Math.Sin(heading), Math.Cos(heading));
            var end = (X: from.X + (length * ux), Y: from.Y + (length * uy));
            if (Math.Sqrt((end.X * end.X) + (end.Y * end.Y)) > limit)
            {
                continue;
            }

            var ahead = speed * CooperativeLookAheadSeconds;
            var (fx, fy) = (end.X + (ahead * ux), end.Y + (ahead * uy));
            if (zones.All(z =>
                    z.SegmentClearanceMeters(from.X, from.Y, end.X, end.Y, SampleStepMeters) >= z.BufferMeters + CooperativeClearanceMeters
                    && z.SegmentClearanceMeters(end.X, end.Y, fx, fy, SampleStepMeters) > z.BufferMeters
                    && SweptHeadingsClear(z, from, turningFrom, (ux, uy), CooperativeSpeedMaxMetersPerSecond * CooperativeLookAheadSeconds)))
            {
                return (end, speed, length);
            }
        }

        return null;
    }

    /// <summary>Whether, turning at <paramref name="at"/> from one heading to another, no heading in between points into the zone's buffer within <paramref name="ahead"/> metres.</summary>
    private static bool SweptHeadingsClear(ZoneFootprint zone, (double X, double Y) at, (double X, double Y)? from, (double X, double Y) to, double ahead)
    {
        if (from is not { } u)
        {
            return true;
        }

        var a0 = Math.Atan2(u.X, u.Y);
        var turn = Math.IEEERemainder(Math.Atan2(to.X, to.Y) - a0, 2 * Math.PI);
        var steps = (int)Math.Ceiling(Math.Abs(turn) / ArcStepRadians);
        for (var k = 1; k < steps; k++)
        {
            var a = a0 + (turn * k / steps);
            if (zone.SegmentClearanceMeters(at.X, at.Y, at.X + (ahead * Math.Sin(a)), at.Y + (ahead * Math.Cos(a)), SampleStepMeters) <= zone.BufferMeters)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Replaces each corner flown through (no hover) by an arc of straight pieces of at most 15° each, of the radius
    /// a turn at 3 m/s² lateral acceleration takes at the corner's speed (cut to fit the legs), so the velocity
    /// turns gradually as a multicopter's does instead of jumping.
    /// </summary>
    private static List<ScriptedWaypoint> RoundCorners(List<ScriptedWaypoint> points)
    {
        var rounded = new List<ScriptedWaypoint>(points.Count * 3) { points[0] };
        for (var i = 1; i < points.Count - 1; i++)
        {
            var (a, p, b) = (points[i - 1].Position, points[i], points[i + 1]);
            var (inX, inY) = (p.Position.EastMeters - a.EastMeters, p.Position.NorthMeters - a.NorthMeters);
            var (outX, outY) = (b.Position.EastMeters - p.Position.EastMeters, b.Position.NorthMeters - p.Position.NorthMeters);
            var (inLength, outLength) = (Math.Sqrt((inX * inX) + (inY * inY)), Math.Sqrt((outX * outX) + (outY * outY)));
            var turn = inLength > 0 && outLength > 0
                ? Math.Abs(Math.IEEERemainder(Math.Atan2(outX, outY) - Math.Atan2(inX, inY), 2 * Math.PI))
                : 0;
            if (p.HoverSeconds > 0 || turn < 1e-3)
            {
                rounded.Add(p);
                continue;
            }

            var speed = Math.Max(p.SpeedMetersPerSecond, b.SpeedMetersPerSecond);
            var radius = speed * speed / TurnAccelerationMetersPerSecondSquared;
            var tangent = Math.Min(radius * Math.Tan(Math.Min(turn, 3.0) / 2), 0.45 * Math.Min(inLength, outLength));
            var start = (X: p.Position.EastMeters - (tangent * inX / inLength), Y: p.Position.NorthMeters - (tangent * inY / inLength));
            var end = (X: p.Position.EastMeters + (tangent * outX / outLength), Y: p.Position.NorthMeters + (tangent * outY / outLength));
            var up = p.Position.UpMeters;
            rounded.Add(Point(start, up, p.SpeedMetersPerSecond, 0));

            // A quadratic Bézier through the corner: tangent to both legs, turning by at most ArcStepRadians per piece.
            var pieces = Math.Max(2, (int)Math.Ceiling(turn / ArcStepRadians));
            for (var k = 1; k <= pieces; k++)
            {
                var f = (double)k / pieces;
                var x = ((1 - f) * (1 - f) * start.X) + (2 * (1 - f) * f * p.Position.EastMeters) + (f * f * end.X);
                var y = ((1 - f) * (1 - f) * start.Y) + (2 * (1 - f) * f * p.Position.NorthMeters) + (f * f * end.Y);
                rounded.Add(Point((x, y), up, p.SpeedMetersPerSecond, 0));
            }
        }

        rounded.Add(points[^1]);
        return rounded;
    }

    private static ScriptedWaypoint Point((double X, double Y) p, double up, double speed, double hoverSeconds) =>
        new(new EnuVector(p.X, p.Y, up), speed, hoverSeconds);
}
