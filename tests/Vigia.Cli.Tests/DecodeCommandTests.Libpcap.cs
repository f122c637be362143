using Vigia.Cli.Decode;
using Vigia.Sensors.Capture;
using Vigia.Testing;

namespace Vigia.Cli.Tests;

/// <summary>
/// <c>vigia decode FILE --via-libpcap</c> and <c>--live IFACE</c>: the libpcap path, tested on the shared
/// captures (issue 4, item 6). These tests need libpcap installed (<c>.ci/run</c> installs libpcap0.8) and
/// fail, rather than skip, when it is missing. Nothing here transmits; the only interface opened does not exist.
/// </summary>
public sealed partial class DecodeCommandTests
{
    private static void RequireLibpcap() =>
        Assert.True(LibpcapSource.IsAvailable(out var error), error.Message);

    [Theory]
    [InlineData("odid_wifi_sample.pcap")]
    [InlineData("odid_wifi_bcn_sample.pcap")]
    [InlineData("odid_bt5_lr_sample.pcapng")]
    public void ViaLibpcap_SharedCaptures_GiveTheManagedReadersJsonLinesAndSummary(string file)
    {
        RequireLibpcap();
        var path = TestPaths.SharedData("remoteid", file);

        var managed = Run("decode", path, "--jsonl");
        var libpcap = Run("decode", path, "--jsonl", "--via-libpcap");

        Assert.Equal(0, libpcap.Code);
        Assert.NotEmpty(managed.Stdout);
        Assert.Equal(managed.Stdout, libpcap.Stdout);
        Assert.Equal(managed.Stderr, libpcap.Stderr);
    }

    [Theory]
    [InlineData("odid_wifi_sample.pcap")]
    [InlineData("odid_wifi_bcn_sample.pcap")]
    [InlineData("odid_bt5_lr_sample.pcapng")]
    public void ViaLibpcap_SharedCaptures_GiveTheManagedReadersTable(string file)
    {
        RequireLibpcap();
        var path = TestPaths.SharedData("remoteid", file);

        var managed = Run("decode", path);
        var libpcap = Run("decode", path, "--via-libpcap");

        Assert.Equal(0, libpcap.Code);
        Assert.Equal(managed.Stdout, libpcap.Stdout);
    }

    [Fact]
    public void ViaLibpcap_MissingFile_IsBadInputWithLibpcapsReason()
    {
        RequireLibpcap();
        var path = Path.Combine(TestPaths.NewTempDirectory(), "absent.pcap");

        var (code, _, stderr) = Run("decode", path, "--via-libpcap");

        Assert.Equal(2, code);
        Assert.Contains(path, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Live_NonexistentInterface_FailsWithAClearMessageAndNoStackTrace()
    {
        RequireLibpcap();

        var (code, stdout, stderr) = Run("decode", "--live", "vigia-no-such0", "--duration-s", "1");

        Assert.True(code is 1 or 2, $"exit code {code}");
        Assert.Empty(stdout);
        Assert.StartsWith("vigia decode: vigia-no-such0: ", stderr, StringComparison.Ordinal);
        Assert.Matches("no such interface|permission denied", stderr);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--count", "-1")]
    [InlineData("--duration-s", "soon")]
    [InlineData("--via-libpcap", null)]
    public void Live_BadOptions_AreUsageErrors(string option, string? value)
    {
        var args = value is null ? new[] { "decode", "--live", "vigia-no-such0", option } : ["decode", "--live", "vigia-no-such0", option, value];

        var (code, _, stderr) = Run(args);

        Assert.Equal(2, code);
        Assert.Contains(option, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Loop_FrameLimit_StopsAfterThatManyFramesThroughLibpcap()
    {
        RequireLibpcap();
        using var pcap = LibpcapSource.TryOpenFile(TestPaths.SharedData("remoteid", "odid_wifi_bcn_sample.pcap"), out var error);
        Assert.True(pcap is not null, error.Message);
        using var source = new LibpcapCaptureSource(pcap);
        using var output = new StringWriter();

        var summary = CaptureDecoder.Run(source, output, TextWriter.Null, jsonLines: true, maxFrames: 5, TestContext.Current.CancellationToken);

        Assert.Equal(5, summary.FramesRead);
        Assert.Equal(5, summary.Decoded);
        Assert.Null(summary.ReadError);
    }

    [Fact]
    public void Loop_Cancellation_StopsTheSourceAndKeepsTheSummarySoFar()
    {
        RequireLibpcap();
        using var pcap = LibpcapSource.TryOpenFile(TestPaths.SharedData("remoteid", "odid_wifi_bcn_sample.pcap"), out var error);
        Assert.True(pcap is not null, error.Message);
        using var stop = new CancellationTokenSource();
        using var source = new CancelAfter(new LibpcapCaptureSource(pcap), 3, stop);

        var summary = CaptureDecoder.Run(source, TextWriter.Null, TextWriter.Null, jsonLines: true, cancellation: stop.Token);

        Assert.Equal(3, summary.FramesRead);
        Assert.Equal(LibpcapReadStatus.Stopped, pcap.ReadNext(out _));
        Assert.Equal("frames read 3, Remote ID frames 3, decoded 3, rejected 0, CRC-failed skipped 0, drones seen 1 (0 without a Basic ID)", summary.Format());
    }

    /// <summary>Cancels <paramref name="stop"/> (as Ctrl-C does) once <paramref name="records"/> records have been read.</summary>
    private sealed class CancelAfter(ICaptureRecordSource inner, int records, CancellationTokenSource stop) : ICaptureRecordSource
    {
        private int _read;

        public string? Error => inner.Error;

        public RecordSourceStatus ReadNext(out Sensors.Capture.CaptureRecord record)
        {
            var status = inner.ReadNext(out record);
            if (status == RecordSourceStatus.Record && ++_read == records)
            {
                stop.Cancel();
            }

            return status;
        }

        public void Stop() => inner.Stop();

        public void Dispose() => inner.Dispose();
    }
}
