namespace Vigia.Core.Numerics;

/// <summary>
/// A reusable exact 2-D assignment solver with preallocated work arrays: after warm-up, a call of the
/// same or a smaller size allocates nothing. Same contract as <see cref="LinearAssignment.Solve"/>.
/// </summary>
/// <remarks>
/// Shortest augmenting path with dual potentials (Crouse 2016, Algorithm 1). Reduced costs
/// <c>c[i,j] − u[i] − v[j]</c> stay non-negative for every pair, so each search is a Dijkstra over columns;
/// when a row's cheapest path is +∞ no complete finite assignment exists and the call ends at once.
/// Thread-safety: not thread-safe; use one instance per thread (the tracker loop owns its own).
/// </remarks>
public sealed class LinearAssignmentSolver
{
    private double[] _transposed = [];
    private double[] _u = [];
    private double[] _v = [];
    private double[] _shortest = [];
    private int[] _path = [];
    private int[] _col4Row = [];
    private int[] _row4Col = [];
    private int[] _remaining = [];
    private bool[] _visitedRows = [];
    private bool[] _visitedCols = [];

    /// <summary>Creates a solver; work arrays grow on demand.</summary>
    public LinearAssignmentSolver()
    {
    }

    /// <summary>Creates a solver with work arrays already sized for problems up to <paramref name="rows"/> × <paramref name="cols"/>.</summary>
    /// <param name="rows">Expected maximum rows.</param>
    /// <param name="cols">Expected maximum columns.</param>
    public LinearAssignmentSolver(int rows, int cols)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        EnsureCapacity(Math.Min(rows, cols), Math.Max(rows, cols), rows > cols ? checked(rows * cols) : 0);
    }

    /// <summary>Solves the problem; see <see cref="LinearAssignment.Solve"/> for the contract.</summary>
    /// <param name="costs">Row-major costs, exactly <c>rows * cols</c> entries; finite or +∞ (forbidden).</param>
    /// <param name="rows">Number of rows (≥ 0).</param>
    /// <param name="cols">Number of columns (≥ 0).</param>
    /// <param name="rowToCol">Receives, for each of the first <paramref name="rows"/> entries, the assigned column or -1.</param>
    /// <returns>The minimal total cost, or +∞ if infeasible (then every row is -1).</returns>
    /// <exception cref="ArgumentException">Sizes disagree, or a cost is NaN or −∞.</exception>
    public double Solve(ReadOnlySpan<double> costs, int rows, int cols, Span<int> rowToCol)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        var size = checked(rows * cols);
        if (costs.Length != size)
        {
            throw new ArgumentException($"expected {rows} x {cols} = {size} costs, got {costs.Length}", nameof(costs));
        }

        if (rowToCol.Length < rows)
        {
            throw new ArgumentException($"rowToCol has {rowToCol.Length} entries, need {rows}", nameof(rowToCol));
        }

        for (var k = 0; k < costs.Length; k++)
        {
            var c = costs[k];
            if (double.IsNaN(c) || double.IsNegativeInfinity(c))
            {
                throw new ArgumentException($"cost [{k / cols}, {k % cols}] is {c}; entries must be finite or +infinity", nameof(costs));
            }
        }

        rowToCol[..rows].Fill(-1);
        if (rows == 0 || cols == 0)
        {
            return 0.0;
        }

        // Augment along the smaller dimension: transpose a tall matrix so that nr <= nc.
        var transpose = rows > cols;
        var nr = Math.Min(rows, cols);
        var nc = Math.Max(rows, cols);
        EnsureCapacity(nr, nc, transpose ? size : 0);
        ReadOnlySpan<double> c2 = costs;
        if (transpose)
        {
            var t = _transposed.AsSpan(0, size);
            for (var i = 0; i < rows; i++)
            {
                for (var j = 0; j < cols; j++)
                {
                    t[j * rows + i] = costs[i * cols + j];
                }
            }

            c2 = t;
        }

        if (!SolveWide(c2, nr, nc))
        {
            return double.PositiveInfinity;
        }

        var total = 0.0;
        for (var i = 0; i < nr; i++)
        {
            var j = _col4Row[i];
            if (transpose)
            {
                rowToCol[j] = i;
                total += costs[j * cols + i];
            }
            else
            {
                rowToCol[i] = j;
                total += costs[i * cols + j];
            }
        }

        return total;
    }

    private void EnsureCapacity(int nr, int nc, int transposedSize)
    {
        if (_transposed.Length < transposedSize)
        {
            _transposed = new double[transposedSize];
        }

        if (_u.Length < nr)
        {
            _u = new double[nr];
            _col4Row = new int[nr];
            _visitedRows = new bool[nr];
        }

        if (_v.Length < nc)
        {
            _v = new double[nc];
            _shortest = new double[nc];
            _path = new int[nc];
            _row4Col = new int[nc];
            _remaining = new int[nc];
            _visitedCols = new bool[nc];
        }
    }

    /// <summary>Assigns every one of <paramref name="nr"/> rows (nr ≤ nc); false if some row cannot be assigned finitely.</summary>
    private bool SolveWide(ReadOnlySpan<double> costs, int nr, int nc)
    {
        var u = _u.AsSpan(0, nr);
        var v = _v.AsSpan(0, nc);
        var col4Row = _col4Row.AsSpan(0, nr);
        var row4Col = _row4Col.AsSpan(0, nc);
        u.Clear();
        v.Clear();
        col4Row.Fill(-1);
        row4Col.Fill(-1);

        for (var curRow = 0; curRow < nr; curRow++)
        {
            var sink = FindShortestAugmentingPath(costs, nc, curRow, out var minValue);
            if (sink < 0)
            {
                return false;
            }

            UpdateDuals(curRow, nr, nc, minValue);
            Augment(curRow, sink);
        }

        return true;
    }

    /// <summary>
    /// Dijkstra over columns from the free row <paramref name="curRow"/> on reduced costs; returns the
    /// free column that ends the shortest alternating path (or -1 if every path is +∞).
    /// </summary>
    private int FindShortestAugmentingPath(ReadOnlySpan<double> costs, int nc, int curRow, out double minValue)
    {
        var u = _u;
        var v = _v;
        var shortest = _shortest.AsSpan(0, nc);
        var path = _path;
        var row4Col = _row4Col;
        var remaining = _remaining;
        shortest.Fill(double.PositiveInfinity);
        _visitedRows.AsSpan(0, _col4Row.Length).Clear();
        _visitedCols.AsSpan(0, nc).Clear();
        for (var j = 0; j < nc; j++)
        {
            // Scanned in reverse so that, on ties, a free column tends to be found early.
            remaining[j] = nc - 1 - j;
        }

        var numRemaining = nc;
        minValue = 0.0;
        var i = curRow;
        while (true)
        {
            _visitedRows[i] = true;
            var rowOffset = i * nc;
            var lowest = double.PositiveInfinity;
            var index = -1;
            for (var k = 0; k < numRemaining; k++)
            {
                var j = remaining[k];
                var reduced = minValue + costs[rowOffset + j] - u[i] - v[j];
                if (reduced < shortest[j])
                {
                    path[j] = i;
                    shortest[j] = reduced;
                }

                // Prefer an unassigned column on ties: it ends the search sooner.
                if (shortest[j] < lowest || (shortest[j] == lowest && row4Col[j] == -1))
                {
                    lowest = shortest[j];
                    index = k;
                }
            }

            minValue = lowest;
            if (index < 0 || double.IsPositiveInfinity(minValue))
            {
                return -1;
            }

            var col = remaining[index];
            _visitedCols[col] = true;
            remaining[index] = remaining[--numRemaining];
            if (row4Col[col] == -1)
            {
                return col;
            }

            i = row4Col[col];
        }
    }

    private void UpdateDuals(int curRow, int nr, int nc, double minValue)
    {
        _u[curRow] += minValue;
        for (var i = 0; i < nr; i++)
        {
            if (_visitedRows[i] && i != curRow)
            {
                _u[i] += minValue - _shortest[_col4Row[i]];
            }
        }

        for (var j = 0; j < nc; j++)
        {
            if (_visitedCols[j])
            {
                _v[j] -= minValue - _shortest[j];
            }
        }
    }

    private void Augment(int curRow, int sink)
    {
        var j = sink;
        while (true)
        {
            var i = _path[j];
            _row4Col[j] = i;
            (_col4Row[i], j) = (j, _col4Row[i]);
            if (i == curRow)
            {
                return;
            }
        }
    }
}
