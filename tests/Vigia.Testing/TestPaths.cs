namespace Vigia.Testing;

/// <summary>Finds the repository root and the shared data folder beside it (<c>../shared</c>).</summary>
public static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The repository root (the folder holding <c>Vigia.slnx</c>).</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>
    /// The shared data folder: <c>$VIGIA_SHARED</c> if set, else <c>../shared</c> beside the repository.
    /// </summary>
    public static string SharedRoot =>
        Environment.GetEnvironmentVariable("VIGIA_SHARED") is { Length: > 0 } env
            ? env
            : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    /// <summary>A path under <c>shared/data</c>; fails the test clearly if the file is missing.</summary>
    public static string SharedData(params string[] parts)
    {
        var path = Path.Combine([SharedRoot, "data", .. parts]);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new FileNotFoundException($"shared test data not found (set VIGIA_SHARED or place shared/ beside the repo): {path}", path);
        }

        return path;
    }

    /// <summary>A fresh empty temporary directory for one test.</summary>
    public static string NewTempDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "vigia-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vigia.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Vigia.slnx not found above " + AppContext.BaseDirectory);
    }
}
