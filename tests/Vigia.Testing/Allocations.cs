namespace Vigia.Testing;

/// <summary>
/// Cheap allocation guards for hot paths (house style §5). The runtime itself may allocate on the test
/// thread at any moment (on-stack replacement of a long loop, tiered re-compilation, type loading), so a
/// single measured round can read a few kilobytes that the code under test never asked for. A real
/// per-call allocation shows in every round; taking the least of several rounds separates the two.
/// </summary>
public static class Allocations
{
    /// <summary>
    /// Runs <paramref name="body"/> <paramref name="rounds"/> times and returns the fewest bytes the current
    /// thread allocated in any one round. Stops early at a round that allocated nothing.
    /// </summary>
    public static long LeastPerRound(Action body, int rounds = 5)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        var least = long.MaxValue;
        for (var round = 0; round < rounds && least > 0; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            body();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
