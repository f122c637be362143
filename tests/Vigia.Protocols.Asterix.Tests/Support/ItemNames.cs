using System.Numerics;
using Vigia.Protocols.Asterix.Layout;

namespace Vigia.Protocols.Asterix.Tests.Support;

/// <summary>Names a decoded FSPEC the way the reference tool does (I010, I140, …, IRE).</summary>
public static class ItemNames
{
    internal static IReadOnlySet<string> Of(Uap uap, ulong items)
    {
        var names = new HashSet<string>();
        for (var rest = items; rest != 0; rest &= rest - 1)
        {
            var name = uap.Items[BitOperations.TrailingZeroCount(rest)].Name;
            names.Add("I" + name[(name.IndexOf('/', StringComparison.Ordinal) + 1)..]);
        }

        return names;
    }
}
