namespace Vigia.Scenarios.Simulation;

/// <summary>
/// One simulated multicopter: ENU position (m) and velocity (m/s) stepped at 10 Hz through random
/// manoeuvre segments of 5–25 s: cruise (3–25 m/s on a new heading, climb ±3 m/s), coordinated turn
/// (5–20 °/s at constant speed) or hover (commanded velocity 0). The velocity follows the command
/// within 4 m/s² horizontal and 2 m/s² vertical, plus gust noise; altitude and speed are held in limits.
/// </summary>
/// <remarks>
/// The model text leaves the segment mix, the gust strength and the initial velocity open; this
/// simulator uses cruise 50 %, turn 30 %, hover 20 %, gusts of 0.5 m/s² (horizontal) and 0.1 m/s²
/// (vertical) white acceleration per step, and an initial level velocity of uniform heading and
/// uniform speed up to the limit.
/// </remarks>
internal sealed class Multicopter
{
    public const double StepSeconds = 0.1;
    private const double HorizontalAccelerationLimit = 4;
    private const double VerticalAccelerationLimit = 2;
    private const double GustHorizontal = 0.5;
    private const double GustVertical = 0.1;
    private const double CruiseSpeedMin = 3;
    private const double ClimbRateMax = 3;
    private const double TurnRateMinDegrees = 5;
    private const double TurnRateMaxDegrees = 20;
    private const double SegmentMinSeconds = 5;
    private const double SegmentMaxSeconds = 25;

    private readonly SimulationOptions _options;
    private double _segmentLeft;
    private Manoeuvre _manoeuvre;
    private double _commandEast;
    private double _commandNorth;
    private double _commandUp;
    private double _turnRate;

    public Multicopter(int id, bool broadcasts, double birthSeconds, double deathSeconds, SimulationOptions options, Xoshiro256StarStar random)
    {
        Id = id;
        Broadcasts = broadcasts;
        BirthSeconds = birthSeconds;
        LifetimeEndSeconds = deathSeconds;
        _options = options;

        // Uniform in area on the annulus [300 m, R - 200 m]: r = sqrt(U(r1², r2²)).
        var r1 = 300.0;
        var r2 = options.AreaRadiusMeters - 200;
        var r = Math.Sqrt(random.Uniform(r1 * r1, r2 * r2));
        var bearing = random.Uniform(0, 2 * Math.PI);
        East = r * Math.Sin(bearing);
        North = r * Math.Cos(bearing);
        Up = random.Uniform(options.AltitudeMinMeters, options.AltitudeMaxMeters);
        var heading = random.Uniform(0, 2 * Math.PI);
        var speed = random.Uniform(0, options.SpeedMaxMetersPerSecond);
        VEast = speed * Math.Sin(heading);
        VNorth = speed * Math.Cos(heading);
        StartSegment(random);
    }

    private enum Manoeuvre
    {
        Cruise,
        Turn,
        Hover,
    }

    public int Id { get; }

    public bool Broadcasts { get; }

    public double BirthSeconds { get; }

    /// <summary>When its drawn lifetime ends (it may die earlier by leaving the area).</summary>
    public double LifetimeEndSeconds { get; }

    public double East { get; private set; }

    public double North { get; private set; }

    public double Up { get; private set; }

    public double VEast { get; private set; }

    public double VNorth { get; private set; }

    public double VUp { get; private set; }

    public double HorizontalRange => Math.Sqrt((East * East) + (North * North));

    /// <summary>Advances one 10 Hz step.</summary>
    public void Step(Xoshiro256StarStar random)
    {
        _segmentLeft -= StepSeconds;
        if (_segmentLeft <= 0)
        {
            StartSegment(random);
        }

        if (_manoeuvre == Manoeuvre.Turn)
        {
            // Coordinated turn: the commanded horizontal velocity rotates at the turn rate.
            var a = _turnRate * StepSeconds;
            var (sin, cos) = Math.SinCos(a);
            (_commandEast, _commandNorth) = ((_commandEast * cos) + (_commandNorth * sin), (-_commandEast * sin) + (_commandNorth * cos));
        }

        var commandUp = _commandUp;
        if ((Up <= _options.AltitudeMinMeters && commandUp < 0) || (Up >= _options.AltitudeMaxMeters && commandUp > 0))
        {
            commandUp = 0;
        }

        // Follow the command within the acceleration limits, then add gusts.
        var dvEast = _commandEast - VEast;
        var dvNorth = _commandNorth - VNorth;
        var dvHorizontal = Math.Sqrt((dvEast * dvEast) + (dvNorth * dvNorth));
        var maxHorizontal = HorizontalAccelerationLimit * StepSeconds;
        if (dvHorizontal > maxHorizontal)
        {
            dvEast *= maxHorizontal / dvHorizontal;
            dvNorth *= maxHorizontal / dvHorizontal;
        }

        var dvUp = Math.Clamp(commandUp - VUp, -VerticalAccelerationLimit * StepSeconds, VerticalAccelerationLimit * StepSeconds);
        VEast += dvEast + (GustHorizontal * StepSeconds * random.Gaussian());
        VNorth += dvNorth + (GustHorizontal * StepSeconds * random.Gaussian());
        VUp += dvUp + (GustVertical * StepSeconds * random.Gaussian());
        LimitSpeed();

        East += VEast * StepSeconds;
        North += VNorth * StepSeconds;
        Up += VUp * StepSeconds;
        if (Up < _options.AltitudeMinMeters || Up > _options.AltitudeMaxMeters)
        {
            Up = Math.Clamp(Up, _options.AltitudeMinMeters, _options.AltitudeMaxMeters);
            VUp = 0;
        }
    }

    private void LimitSpeed()
    {
        var speed = Math.Sqrt((VEast * VEast) + (VNorth * VNorth) + (VUp * VUp));
        if (speed > _options.SpeedMaxMetersPerSecond)
        {
            var k = _options.SpeedMaxMetersPerSecond / speed;
            VEast *= k;
            VNorth *= k;
            VUp *= k;
        }
    }

    private void StartSegment(Xoshiro256StarStar random)
    {
        _segmentLeft = random.Uniform(SegmentMinSeconds, SegmentMaxSeconds);
        var pick = random.NextDouble();
        _manoeuvre = pick < 0.5 ? Manoeuvre.Cruise : pick < 0.8 ? Manoeuvre.Turn : Manoeuvre.Hover;
        switch (_manoeuvre)
        {
            case Manoeuvre.Cruise:
                var speed = random.Uniform(CruiseSpeedMin, _options.SpeedMaxMetersPerSecond);
                var heading = random.Uniform(0, 2 * Math.PI);
                _commandEast = speed * Math.Sin(heading);
                _commandNorth = speed * Math.Cos(heading);
                _commandUp = random.Uniform(-ClimbRateMax, ClimbRateMax);
                break;
            case Manoeuvre.Turn:
                var rate = random.Uniform(TurnRateMinDegrees, TurnRateMaxDegrees) * Math.PI / 180;
                _turnRate = random.Bernoulli(0.5) ? rate : -rate;
                _commandEast = VEast;
                _commandNorth = VNorth;
                _commandUp = 0;
                break;
            default:
                _commandEast = _commandNorth = _commandUp = 0;
                break;
        }
    }
}
