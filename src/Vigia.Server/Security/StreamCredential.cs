using Vigia.Storage;

namespace Vigia.Server.Security;

/// <summary>
/// The credential an open event stream was authorised with, re-checked while the stream runs: a key or sensor
/// token revoked after the stream opened ends it within one check interval (<c>Vigia:StreamKeyCheckSeconds</c>),
/// looked up by hash exactly as <see cref="BearerAuthenticationHandler"/> does for each request.
/// </summary>
internal sealed class StreamCredential
{
    private readonly IJournal _journal;
    private readonly byte[]? _hash;
    private readonly bool _sensor;

    private StreamCredential(IJournal journal, byte[]? hash, bool sensor)
    {
        _journal = journal;
        _hash = hash;
        _sensor = sensor;
    }

    /// <summary>The credential of this request.</summary>
    public static StreamCredential Of(HttpContext context)
    {
        var secret = BearerAuthenticationHandler.ReadSecret(context.Request);
        var journal = context.RequestServices.GetRequiredService<IJournal>();
        return secret is null
            ? new StreamCredential(journal, null, false)
            : new StreamCredential(journal, Secrets.Hash(secret), secret.StartsWith(Secrets.SensorPrefix, StringComparison.Ordinal));
    }

    /// <summary>
    /// False once the credential no longer authenticates (revoked, deleted, or none was given). A journal that
    /// cannot answer right now is not taken as a revocation: the stream goes on and the next check asks again.
    /// </summary>
    public async Task<bool> StillValidAsync(CancellationToken cancellationToken)
    {
        if (_hash is null)
        {
            return false;
        }

        try
        {
            return _sensor
                ? await _journal.FindSensorByTokenHashAsync(_hash, cancellationToken).ConfigureAwait(false) is not null
                : await _journal.FindApiKeyByHashAsync(_hash, cancellationToken).ConfigureAwait(false) is not null;
        }
        catch (JournalException)
        {
            return true;
        }
    }
}
