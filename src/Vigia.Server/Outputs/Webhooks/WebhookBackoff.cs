namespace Vigia.Server.Outputs.Webhooks;

/// <summary>
/// Waits between attempts: <see cref="WebhookOptions.FirstRetrySeconds"/> × 2^(failures − 1), capped at
/// <see cref="WebhookOptions.MaxRetrySeconds"/>, scaled by a random factor in [1 − jitter, 1 + jitter] and capped again.
/// With the defaults: about 1 s, 2 s, 4 s, 8 s, … 60 s.
/// </summary>
/// <remarks>Thread-safety: thread-safe (<see cref="Random.Shared"/> unless a seeded source is given, which then must not be shared).</remarks>
internal sealed class WebhookBackoff(WebhookOptions options, Random? random = null)
{
    private readonly Random _random = random ?? Random.Shared;

    /// <summary>The wait after the <paramref name="failures"/>-th failed attempt (1 = the first).</summary>
    public TimeSpan After(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);

        // 2^30 already exceeds any allowed cap; clamping the exponent keeps the double finite.
        var seconds = Math.Min(options.MaxRetrySeconds, options.FirstRetrySeconds * Math.Pow(2, Math.Min(failures - 1, 30)));
        var jitter = options.JitterFraction * ((2 * _random.NextDouble()) - 1);
        return TimeSpan.FromSeconds(Math.Clamp(seconds * (1 + jitter), 0, options.MaxRetrySeconds));
    }
}
