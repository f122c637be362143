using System.Net;
using System.Net.Sockets;

namespace Vigia.Sensors.Tests.Adsb;

/// <summary>
/// A fake dump1090 on 127.0.0.1 (house style §8's scripted peer): accepts connections one after another on an
/// ephemeral port and sends each the bytes given for it, then closes it — or holds it open until released.
/// </summary>
internal sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _serving;

    /// <param name="payloads">Bytes for the first, second… connection; later connections get nothing and are held.</param>
    /// <param name="holdLast">Keep the last scripted connection open until <see cref="Release"/>.</param>
    public LoopbackReceiver(IReadOnlyList<byte[]> payloads, bool holdLast = false)
    {
        _listener.Start();
        _serving = ServeAsync(payloads, holdLast);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Accepted { get; private set; }

    public void Release() => _release.TrySetResult();

    private async Task ServeAsync(IReadOnlyList<byte[]> payloads, bool holdLast)
    {
        try
        {
            for (var i = 0; ; i++)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                Accepted++;
                var stream = client.GetStream();
                if (i < payloads.Count)
                {
                    await stream.WriteAsync(payloads[i], _stop.Token);
                    await stream.FlushAsync(_stop.Token);
                }

                if (i >= payloads.Count - 1 && (holdLast || i >= payloads.Count))
                {
                    await _release.Task.WaitAsync(_stop.Token);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Test over.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving;
        _stop.Dispose();
    }
}
