namespace Vigia.Server;

/// <summary>The `vigia serve` host.</summary>
public sealed partial class Program
{
    /// <summary>Runs the server until it is stopped.</summary>
    public static async Task<int> Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/healthz", () => "ok");
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
