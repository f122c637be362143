using Vigia.Core.Observations;
using Vigia.Tracking.Models;

namespace Vigia.Tracking.Filters;

/// <summary>
/// Interacting multiple model filter (Blom and Bar-Shalom 1988; Bar-Shalom, Li, Kirubarajan 2001,
/// §11.6.6): mixing → per-model prediction → per-model update → probability update →
/// combination. Model switching is a continuous-time Markov chain: model i is kept for a mean
/// sojourn τᵢ, so over dt it stays with probability e^(−dt/τᵢ) and otherwise switches to the
/// others in proportion to <see cref="ImmOptions.SwitchWeights"/>. A one-model IMM is a plain
/// Kalman filter.
/// </summary>
/// <remarks>Thread-safety: holds scratch buffers; one instance per tracker loop.</remarks>
public sealed class InteractingMultipleModel
{
    private const double MinimumProbability = 1e-6;

    /// <summary>Most motion models one IMM holds (its mixing weights live on the stack).</summary>
    public const int MaximumModels = 8;
    private readonly ITransitionModel[] _models;
    private readonly double[] _sojourn;
    private readonly double[] _switchWeights;
    private readonly IUpdater _updater;
    private readonly GaussianState[] _mixed;
    private readonly double[] _transition;
    private readonly double[] _predicted;
    private readonly double[] _logLikelihood;
    private readonly double[] _initialProbabilities;

    /// <summary>Creates the filter from its options.</summary>
    public InteractingMultipleModel(ImmOptions options, IUpdater updater)
    {
        ArgumentNullException.ThrowIfNull(options);
        _models = [.. options.Models];
        _sojourn = [.. options.MeanSojournSeconds];
        _switchWeights = [.. options.SwitchWeights];
        if (_models.Length == 0 || _models.Length > MaximumModels || _sojourn.Length != _models.Length || _switchWeights.Length != _models.Length)
        {
            throw new ArgumentException($"1 to {MaximumModels} models, with as many sojourn times and switch weights", nameof(options));
        }

        _updater = updater;
        _mixed = new GaussianState[_models.Length];
        for (var i = 0; i < _mixed.Length; i++)
        {
            _mixed[i] = new GaussianState();
        }

        _transition = new double[_models.Length * _models.Length];
        _predicted = new double[_models.Length];
        _logLikelihood = new double[_models.Length];
        _initialProbabilities = [.. options.InitialProbabilities];
        if (_initialProbabilities.Length != _models.Length)
        {
            throw new ArgumentException("one initial probability per model", nameof(options));
        }

        var total = 0.0;
        foreach (var p in _initialProbabilities)
        {
            total += p >= 0 && double.IsFinite(p) ? p : throw new ArgumentException("initial probabilities must be finite and non-negative", nameof(options));
        }

        if (!(total > 0))
        {
            throw new ArgumentException("initial probabilities must not all be zero", nameof(options));
        }

        // Normalised here, so options that are only proportional still give a proper mixture.
        for (var i = 0; i < _initialProbabilities.Length; i++)
        {
            _initialProbabilities[i] /= total;
        }

        for (var i = 0; i < _models.Length; i++)
        {
            if (!(_sojourn[i] > 0) || !(_switchWeights[i] >= 0))
            {
                throw new ArgumentException("sojourn times must be positive and switch weights non-negative", nameof(options));
            }
        }
    }

    /// <summary>Number of motion models.</summary>
    public int ModelCount => _models.Length;

    /// <summary>Model probabilities given to a new track.</summary>
    public IReadOnlyList<double> InitialProbabilities => _initialProbabilities;

    /// <summary>The motion models, in order.</summary>
    public IReadOnlyList<ITransitionModel> Models => _models;

    /// <summary>
    /// Restarts <paramref name="state"/> from one Gaussian: every model gets <paramref name="initial"/>
    /// and the probabilities become <see cref="InitialProbabilities"/>.
    /// </summary>
    public void Initialise(ImmState state, GaussianState initial)
    {
        for (var i = 0; i < _models.Length; i++)
        {
            state.Models[i].CopyFrom(initial);
            state.Probabilities[i] = _initialProbabilities[i];
        }

        // A state sized for a larger filter keeps no stale probabilities in the slots this one leaves unused.
        state.Probabilities.AsSpan(_models.Length).Clear();
        state.Combined.CopyFrom(initial);
    }

    /// <summary>Mixes and predicts every model by <paramref name="dtSeconds"/>, then recombines.</summary>
    public void Predict(ImmState state, double dtSeconds)
    {
        var r = _models.Length;
        if (r == 1)
        {
            KalmanPredictor.Predict(state.Models[0], _models[0], dtSeconds);
            state.Combined.CopyFrom(state.Models[0]);
            return;
        }

        FillTransition(dtSeconds);
        var mu = state.Probabilities;
        for (var j = 0; j < r; j++)
        {
            var c = 0.0;
            for (var i = 0; i < r; i++)
            {
                c += _transition[i * r + j] * mu[i];
            }

            _predicted[j] = c;
        }

        Span<double> weights = stackalloc double[MaximumModels];
        for (var j = 0; j < r; j++)
        {
            for (var i = 0; i < r; i++)
            {
                weights[i] = _transition[i * r + j] * mu[i] / _predicted[j];
            }

            Moments(state.Models, weights[..r], _mixed[j]);
        }

        for (var j = 0; j < r; j++)
        {
            state.Models[j].CopyFrom(_mixed[j]);
            KalmanPredictor.Predict(state.Models[j], _models[j], dtSeconds);
            mu[j] = _predicted[j];
        }

        Moments(state.Models, mu.AsSpan(0, r), state.Combined);
    }

    /// <summary>
    /// Updates every model with the measurement, reweights the models by their likelihoods and
    /// recombines. Returns false (state unchanged) if no model could be updated.
    /// </summary>
    public bool Update(ImmState state, in Measurement measurement, IMeasurementModel model)
    {
        var r = _models.Length;
        var innovation = default(Innovation);
        var best = double.NegativeInfinity;
        for (var j = 0; j < r; j++)
        {
            if (_updater.TryInnovate(state.Models[j], measurement, model, ref innovation))
            {
                _logLikelihood[j] = innovation.LogLikelihood;
                _updater.Update(state.Models[j], ref innovation);
                best = Math.Max(best, _logLikelihood[j]);
            }
            else
            {
                _logLikelihood[j] = double.NegativeInfinity;
            }
        }

        if (double.IsNegativeInfinity(best))
        {
            return false;
        }

        var mu = state.Probabilities;
        var total = 0.0;
        for (var j = 0; j < r; j++)
        {
            mu[j] *= Math.Exp(_logLikelihood[j] - best);
            total += mu[j];
        }

        var floorTotal = 0.0;
        for (var j = 0; j < r; j++)
        {
            mu[j] = Math.Max(mu[j] / total, MinimumProbability);
            floorTotal += mu[j];
        }

        for (var j = 0; j < r; j++)
        {
            mu[j] /= floorTotal;
        }

        Moments(state.Models, mu.AsSpan(0, r), state.Combined);
        return true;
    }

    /// <summary>Moment-matched mixture of Gaussians with the given weights (summing to 1).</summary>
    internal static void Moments(GaussianState[] components, ReadOnlySpan<double> weights, GaussianState result)
    {
        var x = result.Mean.AsSpan();
        var p = result.Covariance.AsSpan();
        x.Clear();
        p.Clear();
        for (var i = 0; i < weights.Length; i++)
        {
            var w = weights[i];
            var xi = components[i].Mean;
            for (var k = 0; k < 6; k++)
            {
                x[k] += w * xi[k];
            }
        }

        Span<double> d = stackalloc double[6];
        for (var i = 0; i < weights.Length; i++)
        {
            var w = weights[i];
            var xi = components[i].Mean;
            var pi = components[i].Covariance;
            for (var k = 0; k < 6; k++)
            {
                d[k] = xi[k] - x[k];
            }

            // Upper triangle only; the result is mirrored below (it is symmetric).
            for (var a = 0; a < 6; a++)
            {
                var wd = w * d[a];
                for (var b = a; b < 6; b++)
                {
                    p[a * 6 + b] += (w * pi[a * 6 + b]) + (wd * d[b]);
                }
            }
        }

        for (var a = 1; a < 6; a++)
        {
            for (var b = 0; b < a; b++)
            {
                p[a * 6 + b] = p[b * 6 + a];
            }
        }
    }

    private void FillTransition(double dt)
    {
        var r = _models.Length;
        for (var i = 0; i < r; i++)
        {
            var stay = Math.Exp(-dt / _sojourn[i]);
            var others = 0.0;
            for (var j = 0; j < r; j++)
            {
                if (j != i)
                {
                    others += _switchWeights[j];
                }
            }

            if (!(others > 0))
            {
                stay = 1; // nowhere to switch to: the model keeps its probability
            }

            for (var j = 0; j < r; j++)
            {
                _transition[i * r + j] = j == i ? stay : others > 0 ? (1 - stay) * _switchWeights[j] / others : 0;
            }
        }
    }
}
