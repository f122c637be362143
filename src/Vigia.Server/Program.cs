using Vigia.Server.Endpoints;
using Vigia.Server.Hosting;
using Vigia.Server.Outputs.Webhooks;
using Vigia.Server.Web;
using Vigia.Storage;

namespace Vigia.Server;

/// <summary>The `vigia serve` host. Program is the table of contents; each step lives in its feature's folder.</summary>
public sealed partial class Program
{
    /// <summary>Runs the server until it is stopped; exit 0 on a clean stop, 1 if it cannot start, 2 on bad usage or a bad setting.</summary>
    public static async Task<int> Main(string[] args)
    {
        string[] configuration;
        try
        {
            configuration = ServerCommandLine.ToConfigurationArgs(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync($"vigia serve: {ex.Message.Split(" (Parameter", 2)[0]}").ConfigureAwait(false);
            return 2;
        }

        try
        {
            var builder = WebApplication.CreateBuilder(configuration);
            builder.AddVigiaConfiguration();
            builder.AddVigiaStorage();
            builder.AddVigiaSecurity();
            builder.AddVigiaPipeline();
            builder.AddVigiaTelemetry();

            var app = builder.Build();
            try
            {
                // Every setting checked before anything starts: a bad one is bad input (exit 2, one line naming it),
                // not a host failure with a stack trace.
                app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
            }
            catch (Microsoft.Extensions.Options.OptionsValidationException ex)
            {
                await Console.Error.WriteLineAsync($"vigia serve: bad configuration: {ex.Message}").ConfigureAwait(false);
                return 2;
            }

            await app.OpenJournalAsync().ConfigureAwait(false);
            app.UseVigiaSecurity();
            app.MapHealth();
            app.MapInfo();
            app.MapObservations();
            app.MapTracks();
            app.MapSensors();
            app.MapStream();
            app.MapReplays();
            app.MapZones();
            app.MapAlerts();
            app.MapCap();
            app.MapVigiaWebhooks();
            app.MapConsole();
            app.AnnounceOnStart();

            await app.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (ex is JournalException or FileNotFoundException or Microsoft.Extensions.Options.OptionsValidationException or IOException or FormatException)
        {
            await Console.Error.WriteLineAsync($"vigia serve: cannot start: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
