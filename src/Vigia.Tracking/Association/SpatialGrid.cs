namespace Vigia.Tracking.Association;

/// <summary>
/// A uniform horizontal grid over points (detections), built per scan by sorting point indices by
/// cell key, queried by square windows. It lets each track look only at detections near its
/// prediction, so association cost grows about linearly with the number of targets instead of
/// as tracks × detections. Arrays are reused between scans.
/// </summary>
/// <remarks>Thread-safety: not thread-safe; owned by the tracker loop.</remarks>
internal sealed class SpatialGrid
{
    private long[] _keys = new long[64];
    private int[] _order = new int[64];
    private int _count;
    private double _cellSize = 1;
    private int _minX, _maxX, _minY, _maxY;

    /// <summary>Indexes <paramref name="count"/> points at (east, north) with square cells of <paramref name="cellSizeMeters"/>.</summary>
    public void Build(ReadOnlySpan<double> east, ReadOnlySpan<double> north, int count, double cellSizeMeters)
    {
        if (_keys.Length < count)
        {
            var size = Math.Max(count, _keys.Length * 2);
            _keys = new long[size];
            _order = new int[size];
        }

        _cellSize = cellSizeMeters;
        _count = count;
        (_minX, _maxX, _minY, _maxY) = (int.MaxValue, int.MinValue, int.MaxValue, int.MinValue);
        for (var i = 0; i < count; i++)
        {
            var (x, y) = (Cell(east[i]), Cell(north[i]));
            _keys[i] = Key(x, y);
            _order[i] = i;
            (_minX, _maxX) = (Math.Min(_minX, x), Math.Max(_maxX, x));
            (_minY, _maxY) = (Math.Min(_minY, y), Math.Max(_maxY, y));
        }

        Array.Sort(_keys, _order, 0, count);
    }

    /// <summary>Appends to <paramref name="results"/> every point in cells touching the square of half-width <paramref name="radiusMeters"/> around (east, north).</summary>
    public void Query(double east, double north, double radiusMeters, List<int> results)
    {
        // Only occupied cells matter: clamping the window to them bounds the work whatever the radius
        // (a track with an enormous covariance must not walk billions of empty columns).
        var x0 = Math.Max(Cell(east - radiusMeters), _minX);
        var x1 = Math.Min(Cell(east + radiusMeters), _maxX);
        var y0 = Math.Max(Cell(north - radiusMeters), _minY);
        var y1 = Math.Min(Cell(north + radiusMeters), _maxY);
        if (x0 > x1 || y0 > y1 || double.IsNaN(radiusMeters))
        {
            return;
        }
        var keys = _keys.AsSpan(0, _count);
        for (var x = x0; x <= x1; x++)
        {
            // Cells of one column are contiguous in key order, so one search per column suffices.
            var lo = LowerBound(keys, Key(x, y0));
            var hi = Key(x, y1);
            for (var k = lo; k < _count && keys[k] <= hi; k++)
            {
                results.Add(_order[k]);
            }
        }
    }

    private int Cell(double v)
    {
        var cell = Math.Floor(v / _cellSize);
        return double.IsNaN(cell) ? 0 : (int)Math.Clamp(cell, -1e9, 1e9);
    }

    private static long Key(int x, int y) => ((long)x << 32) + y;

    private static int LowerBound(ReadOnlySpan<long> keys, long key)
    {
        int lo = 0, hi = keys.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (keys[mid] < key)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
