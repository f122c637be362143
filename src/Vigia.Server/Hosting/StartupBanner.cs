using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Vigia.Storage;

namespace Vigia.Server.Hosting;

/// <summary>Prints where the server listens, where its journal is and (with <c>--lan</c>) the certificate fingerprint.</summary>
public static class StartupBanner
{
    /// <summary>Registers the banner to print once the server listens.</summary>
    public static WebApplication AnnounceOnStart(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var options = app.Services.GetRequiredService<IOptions<VigiaServerOptions>>().Value;
            var journal = app.Services.GetRequiredService<IJournal>();
            var where = journal.Provider == JournalProvider.Sqlite ? Path.GetFullPath(Path.Combine(options.DataDirectory, "vigia.db")) : "PostgreSQL";
            Console.Error.WriteLine($"vigia serve: listening on {string.Join(", ", addresses)}; journal {where} (schema {journal.SchemaVersion})");
            if (app.Services.GetService<LanCertificateInfo>() is not null)
            {
                Console.Error.WriteLine($"vigia serve: phones: https://<this machine's address>:{options.LanHttpsPort}/ (certificate fingerprint above)");
            }
        });
        return app;
    }
}
