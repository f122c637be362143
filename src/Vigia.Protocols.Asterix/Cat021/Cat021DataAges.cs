using Vigia.Protocols.Asterix.Layout;

namespace Vigia.Protocols.Asterix.Cat021;

/// <summary>I021/295 Data Ages: how old each reported datum is (null when not sent).</summary>
/// <remarks>
/// EUROCONTROL-SPEC-0149-12 ed. 2.6 §I021/295, compound of 23 one-octet ages, LSB 0.1 s, numbered 1 AOS, 2 TRD,
/// 3 M3A, 4 QI, 5 TI1, 6 MAM, 7 GH, 8 FL, 9 SAL, 10 FSA, 11 AS, 12 TAS, 13 MH, 14 BVR, 15 GVR, 16 GV, 17 TAR, 18 TI2,
/// 19 TS, 20 MET, 21 ROA, 22 ARA, 23 SCC. Thread-safety: a view.
/// </remarks>
public readonly ref struct Cat021DataAges
{
    private readonly CompoundView _view;

    internal Cat021DataAges(ReadOnlySpan<byte> item)
    {
        _view = new CompoundView(item, Cat021Uap.DataAges);
        IsPresent = !item.IsEmpty;
    }

    /// <summary>Whether the record carries I021/295.</summary>
    public bool IsPresent { get; }

    /// <summary>The age in seconds of subfield <paramref name="subfield"/> (1–23, see remarks), or null when not sent.</summary>
    public double? GetAgeSeconds(int subfield)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(subfield, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(subfield, 23);
        return _view.Has(subfield) ? _view.Subfield(subfield)[0] * 0.1 : null;
    }
}
