using Vigia.Tracking.Association;
using Vigia.Tracking.Tests.TestKit;

namespace Vigia.Tracking.Tests.Association;

public sealed class SpatialGridTests
{
    [Theory]
    [InlineData(1.0, 50, 1)]
    [InlineData(37.5, 300, 2)]
    [InlineData(50.0, 10, 3)]
    [InlineData(500.0, 1000, 4)]
    [InlineData(5000.0, 200, 5)]
    public void Query_RandomPoints_ReturnsEveryPointInTheWindowOnce(double cellSize, int count, int seed)
    {
        var random = new Random(seed);
        var east = new double[count];
        var north = new double[count];
        for (var i = 0; i < count; i++)
        {
            // Negative and positive coordinates, some exactly on cell boundaries.
            east[i] = i % 10 == 0 ? cellSize * random.Next(-20, 20) : random.NextUniform(-3000, 3000);
            north[i] = i % 7 == 0 ? cellSize * random.Next(-20, 20) : random.NextUniform(-3000, 3000);
        }

        var grid = new SpatialGrid();
        grid.Build(east, north, count, cellSize);
        var results = new List<int>();
        for (var q = 0; q < 200; q++)
        {
            var qe = random.NextUniform(-3500, 3500);
            var qn = random.NextUniform(-3500, 3500);
            var radius = random.NextUniform(0, 600);
            results.Clear();

            grid.Query(qe, qn, radius, results);

            Assert.Equal(results.Count, results.Distinct().Count());
            for (var i = 0; i < count; i++)
            {
                if (Math.Abs(east[i] - qe) <= radius && Math.Abs(north[i] - qn) <= radius)
                {
                    Assert.Contains(i, results);
                }
            }

            // Only the touched cells: nothing farther than one cell beyond the window.
            foreach (var i in results)
            {
                Assert.InRange(east[i], qe - radius - cellSize, qe + radius + cellSize);
                Assert.InRange(north[i], qn - radius - cellSize, qn + radius + cellSize);
            }
        }
    }

    [Fact]
    public void Build_ReusedWithFewerPoints_ForgetsThePreviousScan()
    {
        var grid = new SpatialGrid();
        var random = new Random(6);
        var many = Enumerable.Range(0, 200).Select(_ => random.NextUniform(-100, 100)).ToArray();
        grid.Build(many, many, 200, 10);
        grid.Build([-5.0, 5.0], [-5.0, 5.0], 2, 10);
        var results = new List<int>();

        grid.Query(0, 0, 1000, results);

        Assert.Equal([0, 1], results.Order());
    }

    [Fact]
    public void Query_EmptyGrid_ReturnsNothing()
    {
        var grid = new SpatialGrid();
        grid.Build([], [], 0, 50);
        var results = new List<int>();

        grid.Query(0, 0, 1e6, results);

        Assert.Empty(results);
    }
}
