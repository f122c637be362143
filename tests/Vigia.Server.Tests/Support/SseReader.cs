using System.Text;

namespace Vigia.Server.Tests.Support;

/// <summary>Reads Server-Sent Events (<c>event:</c>/<c>data:</c> blocks) from a response stream.</summary>
public sealed class SseReader(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream, Encoding.UTF8);

    /// <summary>The next event, skipping comments; null at the end of the stream.</summary>
    public async Task<(string Event, string Data)?> NextAsync(CancellationToken cancellationToken)
    {
        string? name = null;
        var data = new StringBuilder();
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (name is not null || data.Length > 0)
                {
                    return (name ?? "message", data.ToString());
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                continue;
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Append(line.AsSpan(6));
            }
        }

        return null;
    }

    /// <summary>Reads until an event named <paramref name="name"/> satisfies <paramref name="match"/>; fails after <paramref name="timeout"/>.</summary>
    public async Task<string> WaitForAsync(string name, Func<string, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (await NextAsync(cts.Token) is { } e)
            {
                if (e.Event == name && match(e.Data))
                {
                    return e.Data;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        Assert.Fail($"no '{name}' event matching within {timeout.TotalSeconds} s");
        return "";
    }

    public void Dispose() => _reader.Dispose();
}
