using System.Globalization;
using Vigia.Scenarios.Format;

namespace Vigia.Scenarios.Simulation;

/// <summary>
/// The random multicopters of a simulation, shared by <see cref="ScenarioSimulator"/> and
/// <see cref="ScriptedSimulator"/>: a fixed number of slots, all born at t = 0, each target living a random
/// lifetime (or until it leaves the area) and its slot reborn after a random delay. Births and deaths are
/// written to the scenario as truth life cycles.
/// </summary>
/// <remarks>Not thread-safe: one simulation loop owns it.</remarks>
internal sealed class RandomPopulation
{
    private const double FirstLifetimeMinSeconds = 5;
    private const double LifetimeMinSeconds = 20;
    private const double LifetimeMaxSeconds = 120;
    private const double RebirthDelayMinSeconds = 1;
    private const double RebirthDelayMaxSeconds = 10;

    private readonly SimulationOptions? _options;
    private readonly ScenarioWriter _writer;
    private readonly Xoshiro256StarStar _life;
    private readonly int _stepsPerSecond;
    private readonly Multicopter?[] _slots;
    private readonly long[] _birthSteps;

    /// <summary>Creates <c>options.Targets</c> empty slots (none when <paramref name="options"/> is null); truth ids count from <paramref name="firstTruthId"/>.</summary>
    public RandomPopulation(SimulationOptions? options, ScenarioWriter writer, Xoshiro256StarStar life, int stepsPerSecond, int firstTruthId)
    {
        _options = options;
        _writer = writer;
        _life = life;
        _stepsPerSecond = stepsPerSecond;
        _slots = new Multicopter?[options?.Targets ?? 0];
        _birthSteps = new long[_slots.Length];
        NextTruthId = firstTruthId;
    }

    /// <summary>The slots; null where no target is alive.</summary>
    public IReadOnlyList<Multicopter?> Slots => _slots;

    /// <summary>The truth id the next birth gets (= number of truths so far, when ids start at 0).</summary>
    public int NextTruthId { get; private set; }

    /// <summary>The UAS ID a broadcasting random target uses.</summary>
    public static string UasId(int truthId) => string.Create(CultureInfo.InvariantCulture, $"RID-{truthId:D5}");

    /// <summary>Fills every slot at t = 0 (shorter first lifetimes, so the population turns over early).</summary>
    public void BirthAll()
    {
        for (var slot = 0; slot < _slots.Length; slot++)
        {
            Birth(slot, 0, FirstLifetimeMinSeconds);
        }
    }

    /// <summary>Deaths (lifetime over or out of the area) and births due at step <paramref name="k"/> (time <paramref name="t"/>).</summary>
    public void Update(long k, double t)
    {
        for (var slot = 0; slot < _slots.Length; slot++)
        {
            var target = _slots[slot];
            if (target is not null && (t >= target.LifetimeEndSeconds || target.HorizontalRange > _options!.AreaRadiusMeters))
            {
                _writer.EndTruth(target.Id, t);
                _slots[slot] = null;
                _birthSteps[slot] = k + (long)Math.Ceiling(_life.Uniform(RebirthDelayMinSeconds, RebirthDelayMaxSeconds) * _stepsPerSecond);
            }
            else if (target is null && _birthSteps[slot] == k && k > 0)
            {
                Birth(slot, t, LifetimeMinSeconds);
            }
        }
    }

    /// <summary>Moves every living target one simulation step.</summary>
    public void Step(Xoshiro256StarStar motion)
    {
        foreach (var target in _slots)
        {
            target?.Step(motion);
        }
    }

    private void Birth(int slot, double t, double lifetimeMinSeconds)
    {
        var id = NextTruthId++;
        var broadcasts = _life.Bernoulli(_options!.RidFraction);
        var lifetime = _life.Uniform(lifetimeMinSeconds, LifetimeMaxSeconds);
        _slots[slot] = new Multicopter(id, broadcasts, t, t + lifetime, _options, _life);
        _writer.BeginTruth(id, broadcasts ? UasId(id) : null, t);
    }
}
