using Microsoft.Extensions.Options;
using Vigia.Core.Time;
using Vigia.Server.Hosting;
using Vigia.Storage;

namespace Vigia.Server.Pipeline;

/// <summary>
/// When <c>Vigia:RetentionDays</c> is set: at start and then once an hour (by the server's clock), deletes journal
/// rows older than the retention period (observations by their receive time), <see cref="BatchSize"/> rows per
/// transaction. It runs on its own loop, so a long run over millions of rows never holds up the sensor monitor
/// (sensor health and coverage-lost alerts); a run that fails is tried again after <see cref="RetryAfter"/>.
/// </summary>
public sealed partial class RetentionService(
    IJournal journal,
    IOptions<VigiaServerOptions> options,
    TimeProvider clock,
    ILogger<RetentionService> logger) : BackgroundService
{
    /// <summary>Rows per delete transaction: small, so appends wait at most one short transaction.</summary>
    public const int BatchSize = 2_000;

    /// <summary>Time between runs.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    /// <summary>Time before a failed run is tried again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(1);

    private long _rowsDeleted;
    private int _runs;

    /// <summary>Rows deleted so far.</summary>
    public long RowsDeleted => Interlocked.Read(ref _rowsDeleted);

    /// <summary>Runs completed so far.</summary>
    public int Runs => Volatile.Read(ref _runs);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var days = options.Value.RetentionDays;
        if (days <= 0)
        {
            return;
        }

        // Never run inside host start.
        await Task.Yield();
        var next = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
        try
        {
            do
            {
                var wall = clock.GetUtcNow();
                if (wall < next)
                {
                    continue;
                }

                try
                {
                    var deleted = await journal.DeleteOlderThanAsync(Timestamp.FromDateTimeOffset(wall.AddDays(-days)), BatchSize, stoppingToken).ConfigureAwait(false);
                    Interlocked.Add(ref _rowsDeleted, deleted);
                    Interlocked.Increment(ref _runs);
                    next = wall + Every;
                    if (deleted > 0)
                    {
                        LogRetention(logger, deleted, days);
                    }
                }
                catch (JournalException ex)
                {
                    LogJournalError(logger, ex);
                    next = wall + RetryAfter;
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {Rows} journal rows older than {Days} days")]
    private static partial void LogRetention(ILogger logger, long rows, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention could not use the journal; trying again in a minute")]
    private static partial void LogJournalError(ILogger logger, Exception exception);
}
