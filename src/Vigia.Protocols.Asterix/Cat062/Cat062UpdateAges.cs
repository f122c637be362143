using Vigia.Protocols.Asterix.Layout;

namespace Vigia.Protocols.Asterix.Cat062;

/// <summary>I062/290 System Track Update Ages: time since the last update from each sensor type (null when not sent).</summary>
/// <remarks>
/// EUROCONTROL-SPEC-0149-9 ed. 1.18 §I062/290, compound; LSB 1/4 s, the maximum meaning "that or more". A view over
/// the record. Thread-safety: a view.
/// </remarks>
public readonly ref struct Cat062UpdateAges
{
    private readonly CompoundView _view;

    internal Cat062UpdateAges(ReadOnlySpan<byte> item)
    {
        _view = new CompoundView(item, Cat062Uap.UpdateAges);
        IsPresent = !item.IsEmpty;
    }

    /// <summary>Whether the record carries I062/290.</summary>
    public bool IsPresent { get; }

    /// <summary>TRK: the track's age since it was created.</summary>
    public double? TrackAgeSeconds => Age(1);

    /// <summary>PSR: age of the last primary detection used.</summary>
    public double? PsrAgeSeconds => Age(2);

    /// <summary>SSR: age of the last secondary detection used.</summary>
    public double? SsrAgeSeconds => Age(3);

    /// <summary>MDS: age of the last Mode S detection used.</summary>
    public double? ModeSAgeSeconds => Age(4);

    /// <summary>ADS: age of the last ADS-C report used (two octets).</summary>
    public double? AdsCAgeSeconds => _view.Has(5) ? BigEndian.U16(_view.Subfield(5), 0) / 4.0 : null;

    /// <summary>ES: age of the last 1090 ES ADS-B report used.</summary>
    public double? AdsBExtendedSquitterAgeSeconds => Age(6);

    /// <summary>VDL: age of the last VDL Mode 4 ADS-B report used.</summary>
    public double? VdlMode4AgeSeconds => Age(7);

    /// <summary>UAT: age of the last UAT ADS-B report used.</summary>
    public double? UatAgeSeconds => Age(8);

    /// <summary>LOP: age of the last magnetic loop detection.</summary>
    public double? LoopAgeSeconds => Age(9);

    /// <summary>MLT: age of the last multilateration detection.</summary>
    public double? MultilaterationAgeSeconds => Age(10);

    private double? Age(int subfield) => _view.Has(subfield) ? _view.Subfield(subfield)[0] / 4.0 : null;
}
