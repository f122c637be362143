namespace Vigia.Alerting.Cot;

/// <summary>
/// The MIL-STD-2525 affiliations Vigía may give a drone (the second field of an atom type, <c>a-u-…</c>).
/// Friend (<c>f</c>) and hostile (<c>h</c>) are deliberately absent: Vigía cannot know either, and a
/// warning system must not suggest who to trust or engage. An operator may change affiliation on the TAK
/// side; Vigía never does.
/// </summary>
public enum CotAffiliation
{
    /// <summary><c>u</c>: every drone by default.</summary>
    Unknown,

    /// <summary><c>n</c>: a drone on the site's allow-list.</summary>
    Neutral,
}
