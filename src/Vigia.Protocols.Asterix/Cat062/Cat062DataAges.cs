using Vigia.Protocols.Asterix.Layout;

namespace Vigia.Protocols.Asterix.Cat062;

/// <summary>I062/295 Track Data Ages: how old each kind of track data is (null when not sent).</summary>
/// <remarks>
/// EUROCONTROL-SPEC-0149-9 ed. 1.18 §I062/295, compound of 31 one-octet ages, LSB 1/4 s. A view over the record.
/// Thread-safety: a view.
/// </remarks>
public readonly ref struct Cat062DataAges
{
    private readonly CompoundView _view;

    internal Cat062DataAges(ReadOnlySpan<byte> item)
    {
        _view = new CompoundView(item, Cat062Uap.DataAges);
        IsPresent = !item.IsEmpty;
    }

    /// <summary>Whether the record carries I062/295.</summary>
    public bool IsPresent { get; }

    /// <summary>The age of <paramref name="data"/> in seconds, or null when not sent.</summary>
    public double? GetAgeSeconds(Cat062DataAge data) => _view.Has((int)data) ? _view.Subfield((int)data)[0] / 4.0 : null;
}
