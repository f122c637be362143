namespace Vigia.Tracking.Trackers;

/// <summary>
/// Global nearest neighbour: the gated pairs split into independent clusters (connected
/// components of the track–detection graph); each cluster is solved exactly as a 2-D assignment
/// with one "missed" column per track, so the cost stays about linear in the number of targets.
/// </summary>
public sealed partial class MultiTargetTracker
{
    /// <summary>Cost of leaving a track without a detection: high, so every gated track gets one if it can (classic GNN).</summary>
    private const double MissedCost = 1e6;

    private int[] _parent = new int[128];
    private int[] _edgeRoot = new int[256];
    private int[] _edgeOrder = new int[256];
    private int[] _localRow = new int[128];
    private int[] _localColumn = new int[128];
    private int[] _rowTrack = new int[16];
    private int[] _columnDetection = new int[16];
    private int[] _rowToColumn = new int[16];
    private double[] _costs = new double[256];

    private void Associate(int detectionCount)
    {
        var trackCount = _tracks.Count;
        var nodes = trackCount + detectionCount;
        EnsureCapacity(ref _parent, nodes);
        EnsureCapacity(ref _localRow, trackCount);
        EnsureCapacity(ref _localColumn, detectionCount);
        for (var i = 0; i < nodes; i++)
        {
            _parent[i] = i;
        }

        for (var e = 0; e < _edgeCount; e++)
        {
            Union(_edges[e].Track, trackCount + _edges[e].Detection);
        }

        EnsureCapacity(ref _edgeRoot, _edgeCount);
        EnsureCapacity(ref _edgeOrder, _edgeCount);
        for (var e = 0; e < _edgeCount; e++)
        {
            _edgeRoot[e] = Find(_edges[e].Track);
            _edgeOrder[e] = e;
        }

        Array.Sort(_edgeRoot, _edgeOrder, 0, _edgeCount);
        _localRow.AsSpan(0, trackCount).Fill(-1);
        _localColumn.AsSpan(0, detectionCount).Fill(-1);
        var start = 0;
        while (start < _edgeCount)
        {
            var end = start + 1;
            while (end < _edgeCount && _edgeRoot[end] == _edgeRoot[start])
            {
                end++;
            }

            SolveCluster(_edgeOrder.AsSpan(start, end - start));
            start = end;
        }
    }

    private void SolveCluster(ReadOnlySpan<int> edgeIndices)
    {
        if (edgeIndices.Length == 1)
        {
            var only = _edges[edgeIndices[0]];
            Assign(only);
            return;
        }

        var rows = 0;
        var columns = 0;
        foreach (var e in edgeIndices)
        {
            ref readonly var edge = ref _edges[e];
            if (_localRow[edge.Track] < 0)
            {
                EnsureCapacity(ref _rowTrack, rows + 1);
                _rowTrack[rows] = edge.Track;
                _localRow[edge.Track] = rows++;
            }

            if (_localColumn[edge.Detection] < 0)
            {
                EnsureCapacity(ref _columnDetection, columns + 1);
                _columnDetection[columns] = edge.Detection;
                _localColumn[edge.Detection] = columns++;
            }
        }

        var width = columns + rows;
        EnsureCapacity(ref _costs, rows * width);
        EnsureCapacity(ref _rowToColumn, rows);
        var costs = _costs.AsSpan(0, rows * width);
        costs.Fill(double.PositiveInfinity);
        for (var r = 0; r < rows; r++)
        {
            costs[r * width + columns + r] = MissedCost;
        }

        foreach (var e in edgeIndices)
        {
            ref readonly var edge = ref _edges[e];
            var index = _localRow[edge.Track] * width + _localColumn[edge.Detection];
            costs[index] = Math.Min(costs[index], edge.Cost);
        }

        _solver.Solve(costs, rows, width, _rowToColumn.AsSpan(0, rows));
        foreach (var e in edgeIndices)
        {
            ref readonly var edge = ref _edges[e];
            if (_rowToColumn[_localRow[edge.Track]] == _localColumn[edge.Detection])
            {
                Assign(edge);
            }
        }

        for (var r = 0; r < rows; r++)
        {
            _localRow[_rowTrack[r]] = -1;
        }

        for (var c = 0; c < columns; c++)
        {
            _localColumn[_columnDetection[c]] = -1;
        }
    }

    private void Assign(in Edge edge)
    {
        ref var d = ref _detections[edge.Detection];
        if (d.AssignedTrack < 0)
        {
            d.AssignedTrack = edge.Track;
            d.AssignedGain = edge.ScoreGain;
        }
    }

    private int Find(int node)
    {
        while (_parent[node] != node)
        {
            _parent[node] = _parent[_parent[node]];
            node = _parent[node];
        }

        return node;
    }

    private void Union(int a, int b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra != rb)
        {
            _parent[rb] = ra;
        }
    }
}
