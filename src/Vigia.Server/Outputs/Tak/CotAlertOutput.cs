using System.Xml.Linq;
using Vigia.Alerting.Alerts;
using Vigia.Alerting.Cot;
using Vigia.Alerting.Zones;
using Vigia.Server.Threats;
using Vigia.Storage;
using Vigia.Storage.Alerts;

namespace Vigia.Server.Outputs.Tak;

/// <summary>
/// Sends every alert change to TAK. A zone threat is a geofence-breach event (<c>b-a-g</c>; the clear as
/// <c>b-a-o-can</c> with the same uid). A coverage lost is one outline per covered zone (<c>u-d-f</c> /
/// <c>u-d-c-c</c>, remarks naming the sensor; the clear as a <c>t-x-d-d</c> delete of each), the outlines read
/// from the zone store; a covered zone no longer stored (or a zone store that cannot be read) cannot be drawn and is
/// counted in <see cref="Skipped"/>.
/// </summary>
public sealed class CotAlertOutput(ICotPublisher publisher, CotEventBuilder builder, IAlertStore? zones = null) : IAlertOutput
{
    private long _skipped;

    /// <inheritdoc />
    public string Name => "tak";

    /// <summary>Events that could not be built (a coverage-lost zone no longer stored, or no zone store) since start.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <inheritdoc />
    public async Task PublishAsync(IReadOnlyList<AlertEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (!publisher.Enabled)
        {
            return;
        }

        Dictionary<string, ProtectedZone>? known = null;
        foreach (var e in events)
        {
            if (e.Alert.Kind == AlertKind.CoverageLost)
            {
                known ??= await ZonesOrNoneAsync(cancellationToken).ConfigureAwait(false);
                foreach (var zoneId in e.Alert.CoveredZoneIds)
                {
                    Send(builder.TryCoverageLost(e.Alert, zoneId, known.GetValueOrDefault(zoneId), out var outline, out _), outline);
                }
            }
            else
            {
                Send(builder.TryAlert(e.Alert, out var cotEvent, out _), cotEvent);
            }
        }
    }

    private void Send(bool built, XElement? cotEvent)
    {
        if (built)
        {
            publisher.Publish(cotEvent!);
        }
        else
        {
            Interlocked.Increment(ref _skipped);
        }
    }

    /// <summary>
    /// The stored zones, or none when the store cannot be read: the outlines are then skipped (and counted), while
    /// the rest of the batch — a geofence breach beside the coverage lost — still goes out.
    /// </summary>
    private async Task<Dictionary<string, ProtectedZone>> ZonesOrNoneAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ZonesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (JournalException)
        {
            return new Dictionary<string, ProtectedZone>(StringComparer.Ordinal);
        }
    }

    /// <summary>The stored zones by id (deleted ones too: a clear may follow a zone's deletion); unreadable ones left out.</summary>
    private async Task<Dictionary<string, ProtectedZone>> ZonesAsync(CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, ProtectedZone>(StringComparer.Ordinal);
        if (zones is null)
        {
            return result;
        }

        foreach (var record in await zones.ListZonesAsync(includeDeleted: true, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                var zone = ZoneGeoJson.ReadFeature(record.Feature);
                if (record.DeletedAt is null || !result.ContainsKey(zone.Id))
                {
                    result[zone.Id] = zone;
                }
            }
            catch (ZoneValidationException)
            {
                // Validated when saved; one that no longer reads is simply not drawn (counted as skipped).
            }
        }

        return result;
    }
}
