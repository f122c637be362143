using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Vigia.Protocols.Sapient.Validation;

/// <summary>
/// The state of one validation: the path from the root to the current message (kept in a fixed inline buffer, so
/// a valid message costs no allocation), and the first violation or all of them.
/// </summary>
internal ref struct ValidationWalk
{
    /// <summary>Deepest path kept; deeper messages are a violation (the decoder's recursion limit is the same).</summary>
    public const int MaxDepth = ProtobufWireScanner.RecursionLimit;

    private readonly List<SapientViolation>? _all;
    private PathBuffer _path;
    private int _depth;

    public ValidationWalk(List<SapientViolation>? all)
    {
        _all = all;
        _depth = 0;
        First = default;
    }

    /// <summary>The first violation found, or default.</summary>
    public SapientViolation First { get; private set; }

    /// <summary>Enters a field (index −1 for a singular one); false when that would pass <see cref="MaxDepth"/>.</summary>
    public bool TryPush(string name, int index)
    {
        if (_depth >= MaxDepth)
        {
            return false;
        }

        _path[_depth++] = new PathEntry(name, index);
        return true;
    }

    /// <summary>Leaves the field entered last.</summary>
    public void Pop() => _depth--;

    /// <summary>Records a violation at <paramref name="field"/> of the current message (null: the message itself).</summary>
    /// <returns>True to go on (collecting all violations); false to stop at the first.</returns>
    public bool Fail(SapientRule rule, string? field, string reason)
    {
        var violation = new SapientViolation(rule, Render(field), reason);
        if (!First.IsViolation)
        {
            First = violation;
        }

        _all?.Add(violation);
        return _all is not null;
    }

    private readonly string Render(string? field)
    {
        var text = new StringBuilder();
        for (var i = 0; i < _depth; i++)
        {
            var entry = _path[i];
            if (text.Length > 0)
            {
                text.Append('.');
            }

            text.Append(entry.Name);
            if (entry.Index >= 0)
            {
                text.Append('[').Append(entry.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
        }

        if (field is not null)
        {
            if (text.Length > 0)
            {
                text.Append('.');
            }

            text.Append(field);
        }

        return text.Length == 0 ? "message" : text.ToString();
    }

    private readonly record struct PathEntry(string Name, int Index);

    [InlineArray(MaxDepth)]
    private struct PathBuffer
    {
        private PathEntry _entry;
    }
}
