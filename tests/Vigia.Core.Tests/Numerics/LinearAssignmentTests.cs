using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigia.Core.Numerics;
using Vigia.Testing;

namespace Vigia.Core.Tests.Numerics;

public sealed class LinearAssignmentTests
{
    private const double Inf = double.PositiveInfinity;

    [Property(MaxTest = 500)]
    public Property Solve_RandomSmallMatrix_MatchesBruteForce() =>
        Prop.ForAll(AssignmentProblem.Arbitrary(allowForbidden: false), CheckAgainstBruteForce);

    [Property(MaxTest = 500)]
    public Property Solve_RandomMatrixWithForbiddenEntries_MatchesBruteForce() =>
        Prop.ForAll(AssignmentProblem.Arbitrary(allowForbidden: true), CheckAgainstBruteForce);

    [Property(MaxTest = 200)]
    public Property Solve_ReusedSolver_GivesSameAnswerAsFreshSolver()
    {
        // One solver across many sizes: stale work arrays must never leak into a later answer.
        var shared = new LinearAssignmentSolver();
        return Prop.ForAll(AssignmentProblem.Arbitrary(allowForbidden: true), p =>
        {
            var a = new int[p.Rows];
            var b = new int[p.Rows];
            var x = shared.Solve(p.Costs, p.Rows, p.Cols, a);
            var y = new LinearAssignmentSolver().Solve(p.Costs, p.Rows, p.Cols, b);
            return x.Equals(y) && a.AsSpan().SequenceEqual(b);
        });
    }

    [Fact]
    public void Solve_OneByOne_AssignsTheOnlyPair()
    {
        var rowToCol = new int[1];
        Assert.Equal(7.5, LinearAssignment.Solve([7.5], 1, 1, rowToCol));
        Assert.Equal([0], rowToCol);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 4)]
    [InlineData(3, 0)]
    public void Solve_EmptyDimension_ReturnsZeroAndNoAssignment(int rows, int cols)
    {
        var rowToCol = new int[rows];
        Assert.Equal(0.0, LinearAssignment.Solve([], rows, cols, rowToCol));
        Assert.All(rowToCol, c => Assert.Equal(-1, c));
    }

    [Fact]
    public void Solve_GreedyWouldBeWrong_FindsTheOptimum()
    {
        // Greedy takes (0,0)=1 and is then forced into (1,1)=10: total 11. The optimum is 2 + 3 = 5.
        var rowToCol = new int[2];
        var total = LinearAssignment.Solve([1, 2, 3, 10], 2, 2, rowToCol);
        Assert.Equal(5.0, total);
        Assert.Equal([1, 0], rowToCol);
    }

    [Fact]
    public void Solve_WideMatrix_LeavesSpareColumnsUnused()
    {
        var rowToCol = new int[2];
        var total = LinearAssignment.Solve([5, 1, 9, 4, 2, 8, 1, 7], 2, 4, rowToCol);
        Assert.Equal(2.0, total);
        Assert.Equal([1, 2], rowToCol);
    }

    [Fact]
    public void Solve_TallMatrix_LeavesSpareRowsUnassigned()
    {
        // The transpose of the wide case above.
        var rowToCol = new int[4];
        var total = LinearAssignment.Solve([5, 2, 1, 8, 9, 1, 4, 7], 4, 2, rowToCol);
        Assert.Equal(2.0, total);
        Assert.Equal([-1, 0, 1, -1], rowToCol);
    }

    [Fact]
    public void Solve_AllCostsTied_ReturnsAValidPermutation()
    {
        var rowToCol = new int[4];
        var total = LinearAssignment.Solve(Enumerable.Repeat(3.0, 16).ToArray(), 4, 4, rowToCol);
        Assert.Equal(12.0, total);
        Assert.Equal([0, 1, 2, 3], rowToCol.Order().ToArray());
    }

    [Fact]
    public void Solve_ForbiddenEntriesButFeasible_AvoidsThem()
    {
        var rowToCol = new int[3];
        var total = LinearAssignment.Solve([Inf, 1, Inf, Inf, Inf, 2, 3, Inf, Inf], 3, 3, rowToCol);
        Assert.Equal(6.0, total);
        Assert.Equal([1, 2, 0], rowToCol);
    }

    [Fact]
    public void Solve_Infeasible_ReturnsInfinityAndNoAssignment()
    {
        // Both rows can only use column 0.
        var rowToCol = new int[2];
        var total = LinearAssignment.Solve([1, Inf, 2, Inf], 2, 2, rowToCol);
        Assert.Equal(Inf, total);
        Assert.Equal([-1, -1], rowToCol);
    }

    [Fact]
    public void Solve_AllForbidden_ReturnsInfinity()
    {
        var rowToCol = new int[3];
        Assert.Equal(Inf, LinearAssignment.Solve(Enumerable.Repeat(Inf, 6).ToArray(), 3, 2, rowToCol));
        Assert.All(rowToCol, c => Assert.Equal(-1, c));
    }

    [Fact]
    public void Solve_PaddedWithUnassignedCosts_LetsARowStayUnassigned()
    {
        // The documented padding idiom: row i may take its own dummy column 2 + i at cost 4.
        // Row 1's only real option (10) is dearer than staying unassigned.
        double[] costs = [1, Inf, 4, Inf, Inf, 10, Inf, 4];
        var rowToCol = new int[2];
        Assert.Equal(5.0, LinearAssignment.Solve(costs, 2, 4, rowToCol));
        Assert.Equal([0, 3], rowToCol);
    }

    [Fact]
    public void Solve_NegativeCosts_AreAllowed()
    {
        var rowToCol = new int[2];
        Assert.Equal(-7.0, LinearAssignment.Solve([-1, -5, -2, 0], 2, 2, rowToCol));
        Assert.Equal([1, 0], rowToCol);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Solve_NaNOrNegativeInfinity_Throws(double bad)
    {
        var rowToCol = new int[2];
        Assert.Throws<ArgumentException>(() => LinearAssignment.Solve([1, bad, 2, 3], 2, 2, rowToCol));
    }

    [Fact]
    public void Solve_WrongSizes_Throw()
    {
        Assert.Throws<ArgumentException>(() => LinearAssignment.Solve([1, 2, 3], 2, 2, new int[2]));
        Assert.Throws<ArgumentException>(() => LinearAssignment.Solve([1, 2, 3, 4], 2, 2, new int[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearAssignment.Solve([], -1, 0, new int[1]));
    }

    [Fact]
    public void Solve_WarmedSolver_AllocatesNothing()
    {
        var random = new Random(7);
        var costs = new double[40 * 30];
        for (var k = 0; k < costs.Length; k++)
        {
            costs[k] = random.NextDouble() * 100;
        }

        var rowToCol = new int[40];
        var solver = new LinearAssignmentSolver();
        solver.Solve(costs, 40, 30, rowToCol);
        solver.Solve(costs.AsSpan(0, 30 * 40), 30, 40, rowToCol);

        var allocated = Allocations.LeastPerRound(() =>
        {
            solver.Solve(costs, 40, 30, rowToCol);
            solver.Solve(costs.AsSpan(0, 30 * 40), 30, 40, rowToCol);
            solver.Solve(costs.AsSpan(0, 10 * 12), 10, 12, rowToCol);
        });

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Solve_LargeRandomMatrix_AgreesWithTransposedProblem()
    {
        // No brute force at this size; the transpose must give the same optimum and the same pairs.
        var random = new Random(11);
        const int Rows = 60, Cols = 80;
        var costs = new double[Rows * Cols];
        var transposed = new double[Rows * Cols];
        for (var i = 0; i < Rows; i++)
        {
            for (var j = 0; j < Cols; j++)
            {
                costs[i * Cols + j] = transposed[j * Rows + i] = Math.Round(random.NextDouble() * 1000, 3);
            }
        }

        var rowToCol = new int[Rows];
        var colToRow = new int[Cols];
        var a = LinearAssignment.Solve(costs, Rows, Cols, rowToCol);
        var b = LinearAssignment.Solve(transposed, Cols, Rows, colToRow);

        Assert.Equal(a, b, 1e-9);
        Assert.All(rowToCol, c => Assert.InRange(c, 0, Cols - 1));
        Assert.Equal(Rows, rowToCol.Distinct().Count());
    }

    private static bool CheckAgainstBruteForce(AssignmentProblem p)
    {
        var rowToCol = new int[p.Rows];
        var total = LinearAssignment.Solve(p.Costs, p.Rows, p.Cols, rowToCol);
        var expected = BruteForce(p);
        if (double.IsPositiveInfinity(expected))
        {
            return double.IsPositiveInfinity(total) && rowToCol.All(c => c == -1);
        }

        var used = new HashSet<int>();
        var sum = 0.0;
        var assigned = 0;
        for (var i = 0; i < p.Rows; i++)
        {
            var c = rowToCol[i];
            if (c < 0)
            {
                continue;
            }

            if (c >= p.Cols || !used.Add(c) || double.IsPositiveInfinity(p.Costs[i * p.Cols + c]))
            {
                return false;
            }

            sum += p.Costs[i * p.Cols + c];
            assigned++;
        }

        return assigned == Math.Min(p.Rows, p.Cols)
            && Math.Abs(sum - total) <= 1e-9
            && Math.Abs(total - expected) <= 1e-9;
    }

    /// <summary>Minimum over every injective map from the smaller dimension into the larger one.</summary>
    private static double BruteForce(AssignmentProblem p)
    {
        var transpose = p.Rows > p.Cols;
        var nr = Math.Min(p.Rows, p.Cols);
        var nc = Math.Max(p.Rows, p.Cols);
        double Cost(int r, int c) => transpose ? p.Costs[c * p.Cols + r] : p.Costs[r * p.Cols + c];

        var best = double.PositiveInfinity;
        var used = new bool[nc];
        void Recurse(int row, double sum)
        {
            if (row == nr)
            {
                best = Math.Min(best, sum);
                return;
            }

            for (var c = 0; c < nc; c++)
            {
                if (!used[c])
                {
                    used[c] = true;
                    Recurse(row + 1, sum + Cost(row, c));
                    used[c] = false;
                }
            }
        }

        Recurse(0, 0.0);
        return nr == 0 ? 0.0 : best;
    }
}
