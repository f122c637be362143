using Vigia.Core.Time;

namespace Vigia.Protocols.Adsb;

/// <summary>One stored CPR frame of an aircraft: encoded latitude and longitude, time, airborne or surface.</summary>
internal readonly struct CprFrame
{
    public CprFrame(int encodedLatitude, int encodedLongitude, Timestamp time, bool surface)
    {
        EncodedLatitude = encodedLatitude;
        EncodedLongitude = encodedLongitude;
        Time = time;
        Surface = surface;
        Valid = true;
    }

    public int EncodedLatitude { get; }

    public int EncodedLongitude { get; }

    public Timestamp Time { get; }

    public bool Surface { get; }

    public bool Valid { get; }
}
