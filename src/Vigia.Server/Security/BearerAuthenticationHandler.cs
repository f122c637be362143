using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Vigia.Storage;

namespace Vigia.Server.Security;

/// <summary>
/// <c>Authorization: Bearer SECRET</c> → a sensor (token <c>vgs_…</c>) or an operator key (<c>vgk_…</c>),
/// looked up by hash in the journal on every request, so a revocation takes effect at once. The console's
/// event streams (<c>…/stream</c>) may also pass the key as <c>?access_token=</c> (browsers' EventSource cannot set headers).
/// </summary>
internal sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IJournal journal)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = ReadSecret(Request);
        if (secret is null)
        {
            return AuthenticateResult.NoResult();
        }

        var hash = Secrets.Hash(secret);
        if (secret.StartsWith(Secrets.SensorPrefix, StringComparison.Ordinal))
        {
            var sensor = await journal.FindSensorByTokenHashAsync(hash, Context.RequestAborted).ConfigureAwait(false);
            if (sensor is null)
            {
                return AuthenticateResult.Fail("unknown or revoked sensor token");
            }

            Claim[] claims = [new(ClaimTypes.Name, sensor.Id), new(ClaimTypes.Role, VigiaClaims.SensorRole), new(VigiaClaims.SensorId, sensor.Id)];
            return Success(claims);
        }

        if (secret.StartsWith(Secrets.KeyPrefix, StringComparison.Ordinal))
        {
            var key = await journal.FindApiKeyByHashAsync(hash, Context.RequestAborted).ConfigureAwait(false);
            if (key is null)
            {
                return AuthenticateResult.Fail("unknown or revoked API key");
            }

            var claims = new List<Claim> { new(ClaimTypes.Name, key.Name) };
            for (var role = ApiKeyRole.Viewer; role <= key.Role; role++)
            {
                claims.Add(new Claim(ClaimTypes.Role, RoleName(role)));
            }

            return Success(claims);
        }

        return AuthenticateResult.Fail("not a Vigía token (expected vgs_… or vgk_…)");
    }

    /// <summary>The role claim value of an API key role.</summary>
    public static string RoleName(ApiKeyRole role) => role switch
    {
        ApiKeyRole.Admin => "admin",
        ApiKeyRole.Operator => "operator",
        _ => "viewer",
    };

    private static AuthenticateResult Success(IEnumerable<Claim> claims)
    {
        var identity = new ClaimsIdentity(claims, VigiaClaims.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), VigiaClaims.Scheme));
    }

    /// <summary>The bearer secret a request carries (header, or <c>?access_token=</c> on an event stream), or null.</summary>
    internal static string? ReadSecret(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var value = header["Bearer ".Length..].Trim();
            return value.Length == 0 ? null : value;
        }

        if (request.Path.Value is { } path && path.StartsWith("/api/v1/", StringComparison.Ordinal) && path.EndsWith("/stream", StringComparison.Ordinal) && request.Query.TryGetValue("access_token", out var token) && token.Count == 1)
        {
            return token[0];
        }

        return null;
    }
}
