using Vigia.Server.Hosting;

namespace Vigia.Server.Tests;

/// <summary>The generated LAN certificate (with its private key) is readable by its owner only.</summary>
public sealed class LanCertificateTests
{
    [Fact]
    public void TheGeneratedPfx_IsOwnerOnly_AndLoadsAgain()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        var directory = Vigia.Testing.TestPaths.NewTempDirectory();

        using var created = LanCertificate.LoadOrCreate(directory);
        using var loaded = LanCertificate.LoadOrCreate(directory);

        var pfx = Assert.Single(Directory.GetFiles(directory));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(pfx));
        }

        Assert.Equal(LanCertificate.Fingerprint(created), LanCertificate.Fingerprint(loaded));
    }
}
