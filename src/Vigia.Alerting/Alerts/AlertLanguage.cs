namespace Vigia.Alerting.Alerts;

/// <summary>The languages alerts are worded in. Spanish first: the people Vigía was built for speak it.</summary>
public enum AlertLanguage
{
    /// <summary>Spanish (es-MX).</summary>
    Spanish,

    /// <summary>English (en-US).</summary>
    English,
}
