using System.Text;
using Vigia.Cli.Replay;

namespace Vigia.Cli.Bench;

/// <summary>
/// The tracker steps, as <c>GET /api/v1/stream</c> shows them: each <c>tracks</c> event is one step (or several,
/// when the stream falls behind), and its largest <c>last_update</c> is the step's time, the newest sensor time
/// in it. The step before an alert version's step bounds which batches can have caused the version: those after
/// the previous step's time, up to the version's. Missed steps only widen that span.
/// </summary>
/// <remarks>Thread-safety: <see cref="Snapshot"/> may be called while the reader runs.</remarks>
internal sealed class StepTimes : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<DateTimeOffset> _times = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly VigiaApiClient _viewer;
    private readonly HttpResponseMessage _response;
    private readonly Task _loop;

    private StepTimes(VigiaApiClient viewer, HttpResponseMessage response)
    {
        _viewer = viewer;
        _response = response;
        _loop = Task.Run(() => ReadAsync(_stop.Token));
    }

    /// <summary>Opens the stream (admin key) and starts reading it.</summary>
    public static async Task<StepTimes> OpenAsync(BenchServer server, CancellationToken cancellationToken)
    {
        var viewer = new VigiaApiClient(server.Address, server.AdminKey);
        try
        {
            return new StepTimes(viewer, await viewer.OpenStreamAsync("api/v1/stream", cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            viewer.Dispose();
            throw;
        }
    }

    /// <summary>The step times seen so far, in order.</summary>
    public DateTimeOffset[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _times];
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _response.Dispose();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException or HttpRequestException)
        {
            // Stopped.
        }

        _viewer.Dispose();
        _stop.Dispose();
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        var stream = await _response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string? eventName = null;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventName = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventName == "tracks" && LatencyPhase.MaxLastUpdate(line.AsSpan(6)) is { } time)
            {
                lock (_gate)
                {
                    _times.Add(time);
                }
            }
            else if (line.Length == 0)
            {
                eventName = null;
            }
        }
    }
}
