using Vigia.Core.Geodesy;
using Vigia.Core.Numerics;

namespace Vigia.Scenarios.Evaluation;

/// <summary>
/// The GOSPA metric with alpha = 2 on 3-D positions (Rahmathullah, García-Fernández, Svensson,
/// "Generalized optimal sub-pattern assignment metric", FUSION 2017), as defined in
/// <c>docs/tracking-formats.md</c>, "Scoring":
/// <c>GOSPA = (Σ over assigned pairs d^p + c^p / 2 · (missed + false))^(1/p)</c>.
/// </summary>
/// <remarks>
/// With alpha = 2 the metric equals an optimal assignment of truths to tracks on the costs
/// <c>min(d, c)^p</c>: a pair at distance ≥ c costs exactly as much as leaving both unassigned
/// (<c>c^p/2</c> each), so only pairs with <c>d &lt; c</c> count as assigned; the rest of the truths are
/// missed and the rest of the tracks false. The assignment is exact (<see cref="LinearAssignmentSolver"/>).
/// Thread-safety: not thread-safe (it reuses its work arrays); use one instance per thread.
/// </remarks>
public sealed class GospaMetric
{
    private readonly LinearAssignmentSolver _solver = new();
    private double[] _costs = [];
    private double[] _distances = [];
    private int[] _rowToCol = [];

    /// <summary>Creates the metric.</summary>
    /// <param name="cutoffMeters">The cut-off distance c, metres (&gt; 0).</param>
    /// <param name="order">The order p (≥ 1).</param>
    public GospaMetric(double cutoffMeters = DefaultCutoffMeters, double order = DefaultOrder)
    {
        if (!(cutoffMeters > 0) || !double.IsFinite(cutoffMeters))
        {
            throw new ArgumentOutOfRangeException(nameof(cutoffMeters), cutoffMeters, "must be finite and positive");
        }

        if (!(order >= 1) || !double.IsFinite(order))
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, "must be finite and at least 1");
        }

        CutoffMeters = cutoffMeters;
        Order = order;
    }

    /// <summary>The cut-off used by the reference scores, metres.</summary>
    public const double DefaultCutoffMeters = 50.0;

    /// <summary>The default order p.</summary>
    public const double DefaultOrder = 2.0;

    /// <summary>alpha, fixed at 2 (the value for which GOSPA splits into localisation, missed and false terms).</summary>
    public const double Alpha = 2.0;

    /// <summary>Cut-off c, metres.</summary>
    public double CutoffMeters { get; }

    /// <summary>Order p.</summary>
    public double Order { get; }

    /// <summary>Scores one time step.</summary>
    /// <param name="truths">True positions (ENU metres).</param>
    /// <param name="tracks">Estimated positions (ENU metres), in the same frame.</param>
    /// <returns>The GOSPA value, the assigned pairs (d &lt; c) and the missed and false counts.</returns>
    public GospaResult Evaluate(ReadOnlySpan<EnuVector> truths, ReadOnlySpan<EnuVector> tracks)
    {
        var rows = truths.Length;
        var cols = tracks.Length;
        var size = checked(rows * cols);
        if (_costs.Length < size)
        {
            _costs = new double[size];
            _distances = new double[size];
        }

        if (_rowToCol.Length < rows)
        {
            _rowToCol = new int[rows];
        }

        var costs = _costs.AsSpan(0, size);
        var distances = _distances.AsSpan(0, size);
        var cutoffCost = Power(CutoffMeters);
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++)
            {
                var d = (truths[i] - tracks[j]).Length;
                distances[i * cols + j] = d;
                costs[i * cols + j] = d < CutoffMeters ? Power(d) : cutoffCost;
            }
        }

        var rowToCol = _rowToCol.AsSpan(0, rows);
        _solver.Solve(costs, rows, cols, rowToCol);

        var pairs = new List<GospaPair>();
        var sum = 0.0;
        for (var i = 0; i < rows; i++)
        {
            var j = rowToCol[i];
            if (j >= 0 && distances[i * cols + j] < CutoffMeters)
            {
                var d = distances[i * cols + j];
                pairs.Add(new GospaPair(i, j, d));
                sum += Power(d);
            }
        }

        var missed = rows - pairs.Count;
        var falseTracks = cols - pairs.Count;
        var total = sum + (cutoffCost / Alpha * (missed + falseTracks));
        var gospa = Order switch { 1.0 => total, 2.0 => Math.Sqrt(total), _ => Math.Pow(total, 1.0 / Order) };
        return new GospaResult(gospa, pairs, missed, falseTracks);
    }

    /// <summary>x^p, exact for the common orders 1 and 2.</summary>
    private double Power(double x) => Order switch { 1.0 => x, 2.0 => x * x, _ => Math.Pow(x, Order) };
}
