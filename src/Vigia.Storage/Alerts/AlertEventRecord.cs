using Vigia.Core.Time;

namespace Vigia.Storage.Alerts;

/// <summary>One alert version as journalled (the Alerting layer's JSON in <see cref="Body"/>).</summary>
/// <param name="Seq">Journal sequence (0 before it is written).</param>
/// <param name="AlertId">The alert id.</param>
/// <param name="Version">The alert's version (unique per alert).</param>
/// <param name="Time">When the change happened.</param>
/// <param name="Change"><c>raised</c>, <c>updated</c>, <c>acknowledged</c> or <c>cleared</c>.</param>
/// <param name="Level">The level after the change (0 none … 3 alarm).</param>
/// <param name="Exercise">Whether the alert is an exercise.</param>
/// <param name="Body">The whole alert version as JSON.</param>
public sealed record AlertEventRecord(long Seq, string AlertId, int Version, Timestamp Time, string Change, int Level, bool Exercise, string Body);
