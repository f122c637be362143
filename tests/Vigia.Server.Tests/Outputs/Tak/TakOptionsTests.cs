using Microsoft.Extensions.Options;
using Vigia.Server.Outputs.Tak;

namespace Vigia.Server.Tests.Outputs.Tak;

public sealed class TakOptionsTests
{
    [Fact]
    public async Task Defaults_AreValid_OffAndOnTheAtakSaGroup()
    {
        await using var host = new TakTestHost(new Dictionary<string, string?>());

        var options = host.Get<IOptions<TakOptions>>().Value;

        Assert.Equal(("239.2.3.1", 6969, 1, false, false), (options.Udp.Address, options.Udp.Port, options.Udp.Ttl, options.Udp.Enabled, options.Tcp.Enabled));
        Assert.False(host.Publisher.Enabled);
    }

    [Theory]
    [InlineData("Vigia:Tak:Udp:Address", "x", "Vigia:Tak:Udp:Address: 'x' is not an IPv4/IPv6 address")]
    [InlineData("Vigia:Tak:Udp:Address", "239.2.3", "Vigia:Tak:Udp:Address: '239.2.3' is not an IPv4/IPv6 address")]
    [InlineData("Vigia:Tak:Udp:Port", "0", "Vigia:Tak:Udp:Port: 0 is outside 1–65535")]
    [InlineData("Vigia:Tak:Udp:Ttl", "256", "Vigia:Tak:Udp:Ttl: 256 is outside 0–255")]
    [InlineData("Vigia:Tak:Udp:Interface", "no-such-nic0", "Vigia:Tak:Udp:Interface: 'no-such-nic0' is not a network interface or address of this machine")]
    [InlineData("Vigia:Tak:Tcp:Host", "tak server!", "Vigia:Tak:Tcp:Host: 'tak server!' is not a host name or IP address")]
    [InlineData("Vigia:Tak:Tcp:Port", "70000", "Vigia:Tak:Tcp:Port: 70000 is outside 1–65535")]
    [InlineData("Vigia:Tak:Tcp:QueueCapacity", "0", "Vigia:Tak:Tcp:QueueCapacity: 0 is outside 1–1000000")]
    [InlineData("Vigia:Tak:UidPrefix", "vigia norte", "Vigia:Tak:UidPrefix: 'vigia norte' must be letters")]
    [InlineData("Vigia:Tak:Language", "fr", "Vigia:Tak:Language: 'fr' is not es or en")]
    public async Task AMalformedSetting_FailsNamingItsKey(string key, string value, string message)
    {
        await using var host = new TakTestHost(new Dictionary<string, string?> { [key] = value });

        var ex = Assert.Throws<OptionsValidationException>(() => host.Get<IOptions<TakOptions>>().Value);

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TcpEnabledWithoutAHost_Fails()
    {
        await using var host = new TakTestHost(new Dictionary<string, string?> { ["Vigia:Tak:Tcp:Enabled"] = "true" });

        var ex = Assert.Throws<OptionsValidationException>(() => host.Get<IOptions<TakOptions>>().Value);

        Assert.Contains("Vigia:Tak:Tcp:Host: must be set when Vigia:Tak:Tcp:Enabled is true", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ff02::1", "lo")]
    [InlineData("10.0.0.9", "127.0.0.1")]
    public async Task IPv6AndUnicastAddresses_AndInterfacesByAddress_AreAccepted(string address, string nic)
    {
        await using var host = new TakTestHost(new Dictionary<string, string?> { ["Vigia:Tak:Udp:Address"] = address, ["Vigia:Tak:Udp:Interface"] = nic, ["Vigia:Tak:Tcp:Host"] = "tak.example" });

        Assert.Equal(address, host.Get<IOptions<TakOptions>>().Value.Udp.Address);
    }
}
