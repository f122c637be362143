using System.Runtime.CompilerServices;

namespace Vigia.Protocols.RemoteId;

/// <summary>Inline storage for the messages of one pack (at most <see cref="Capacity"/>).</summary>
[InlineArray(Capacity)]
public struct RemoteIdPackMessages
{
    /// <summary>The most messages a pack carries (F3411-22a §5.4.5.10: 9).</summary>
    public const int Capacity = 9;

    private RemoteIdMessage _element0;
}
