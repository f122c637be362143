namespace Vigia.Core.Numerics;

/// <summary>
/// Exact rectangular linear-sum assignment (the "2-D assignment problem"): pick at most one column
/// per row and at most one row per column, assigning exactly <c>min(rows, cols)</c> pairs, so that the
/// total cost is minimal.
/// </summary>
/// <remarks>
/// <para>
/// Algorithm: shortest augmenting paths with dual potentials (Jonker–Volgenant style), as described in
/// D. F. Crouse, "On implementing 2D rectangular assignment algorithms", IEEE Trans. AES 52(4), 2016,
/// Algorithm 1 with the rectangular extension of its section III: the smaller dimension is augmented
/// one row at a time, so the cost is O(min(r, c)² · max(r, c)).
/// </para>
/// <para>
/// Contract for costs: the matrix is dense and row-major (<c>costs[i * cols + j]</c>). Entries must be
/// finite or <see cref="double.PositiveInfinity"/>, which forbids that pair. Every row of the smaller
/// dimension must be assigned: if no assignment of <c>min(rows, cols)</c> pairs avoids every forbidden
/// entry, the problem is infeasible and the solver returns <see cref="double.PositiveInfinity"/> with
/// every row unassigned (it never hangs). A caller that wants a row to be able to stay unassigned at
/// cost <c>u</c> pads the matrix: one extra column per row, holding <c>u</c> in that row's own padding
/// column and +∞ elsewhere (or a shared cut-off cost, as GOSPA's <c>min(d, c)^p</c> does implicitly).
/// </para>
/// <para>Thread-safety: the static methods are safe to call from any thread (each thread reuses its own
/// work arrays).</para>
/// </remarks>
public static class LinearAssignment
{
    [ThreadStatic]
    private static LinearAssignmentSolver? _solver;

    /// <summary>
    /// Solves the assignment problem for a dense <paramref name="rows"/> × <paramref name="cols"/> cost matrix.
    /// </summary>
    /// <param name="costs">Row-major costs, exactly <c>rows * cols</c> entries; finite or +∞ (forbidden).</param>
    /// <param name="rows">Number of rows (≥ 0).</param>
    /// <param name="cols">Number of columns (≥ 0).</param>
    /// <param name="rowToCol">Receives, for each of the first <paramref name="rows"/> entries, the assigned column or -1.</param>
    /// <returns>
    /// The minimal total cost (0 for an empty problem), or +∞ if every complete assignment uses a forbidden entry.
    /// </returns>
    /// <exception cref="ArgumentException">Sizes disagree, or a cost is NaN or −∞.</exception>
    /// <remarks>After the first call on a thread, calls of the same or smaller size allocate nothing.</remarks>
    public static double Solve(ReadOnlySpan<double> costs, int rows, int cols, Span<int> rowToCol)
    {
        var solver = _solver ??= new LinearAssignmentSolver();
        return solver.Solve(costs, rows, cols, rowToCol);
    }
}
