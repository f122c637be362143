namespace Vigia.Cli.Demo;

/// <summary>What <c>vigia demo</c> was asked to do.</summary>
internal sealed record DemoSettings
{
    /// <summary>The default port.</summary>
    public const int DefaultPort = 8080;

    /// <summary>Loopback port to listen on (another free one is taken if it is busy).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>The data folder (journal, demo keys).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Open the console in the default browser.</summary>
    public bool OpenBrowser { get; init; } = true;

    /// <summary>
    /// The default data folder: <c>vigia-demo</c> under the user's local application data (Linux:
    /// <c>$XDG_DATA_HOME</c> or <c>~/.local/share</c>; Windows: <c>%LOCALAPPDATA%</c>; macOS:
    /// <c>~/Library/Application Support</c>), or under the current directory where there is none.
    /// </summary>
    public static string DefaultDataDirectory()
    {
        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return Path.Combine(string.IsNullOrEmpty(local) ? Directory.GetCurrentDirectory() : local, "vigia-demo");
    }
}
