namespace Vigia.Core.Tracks;

/// <summary>A track's life-cycle state.</summary>
public enum TrackStatus
{
    /// <summary>Being initiated; not yet shown to operators.</summary>
    Tentative = 0,

    /// <summary>Confirmed and recently updated: shown.</summary>
    Confirmed = 1,

    /// <summary>Confirmed but not updated for longer than the display coast time: kept for re-acquisition, not shown.</summary>
    Coasting = 2,
}
