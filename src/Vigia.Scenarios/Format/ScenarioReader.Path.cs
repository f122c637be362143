using System.Globalization;
using System.Text;

namespace Vigia.Scenarios.Format;

public sealed partial class ScenarioReader
{
    /// <summary>
    /// The JSON path of what is being read (<c>scans[12].detections[3].values</c>), kept as a small
    /// stack of names and indices so that it costs nothing until a fault needs it as text.
    /// </summary>
    private sealed class JsonPath
    {
        private const int MaxLevels = 8;
        private readonly string?[] _names = new string?[MaxLevels];
        private readonly int[] _indices = new int[MaxLevels];
        private int _count;

        /// <summary>Enters a property (index -1) or an element of an array property.</summary>
        public void Push(string name, int index = -1)
        {
            if (_count < MaxLevels)
            {
                _names[_count] = name;
                _indices[_count] = index;
            }

            _count++;
        }

        /// <summary>Moves to the next array element at the innermost level.</summary>
        public void SetIndex(int index)
        {
            if (_count is > 0 and <= MaxLevels)
            {
                _indices[_count - 1] = index;
            }
        }

        public void Pop() => _count--;

        public void Reset() => _count = 0;

        /// <summary>The path with one more leaf property, as text.</summary>
        public string With(string leaf) => _count == 0 ? leaf : ToString() + "." + leaf;

        public override string ToString()
        {
            if (_count == 0)
            {
                return "$";
            }

            var text = new StringBuilder();
            for (var i = 0; i < Math.Min(_count, MaxLevels); i++)
            {
                if (i > 0)
                {
                    text.Append('.');
                }

                text.Append(_names[i]);
                if (_indices[i] >= 0)
                {
                    text.Append('[').Append(_indices[i].ToString(CultureInfo.InvariantCulture)).Append(']');
                }
            }

            return text.ToString();
        }
    }
}
