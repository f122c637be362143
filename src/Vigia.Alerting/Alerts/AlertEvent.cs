namespace Vigia.Alerting.Alerts;

/// <summary>One change to one alert: the change and the alert's state after it.</summary>
/// <param name="Change">What happened.</param>
/// <param name="Alert">The alert as it stands after the change (its <see cref="Alert.Version"/> counts changes).</param>
public sealed record AlertEvent(AlertChange Change, Alert Alert);
