using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Vigia.Server.Tests.Support;

namespace Vigia.Server.Tests;

/// <summary>/metrics answers loopback clients only (the in-memory test server has no loopback address).</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_FromAClientThatIsNotOnLoopback_AreNotServed()
    {
        await using var app = new VigiaServerFactory();
        using var client = app.ClientWith(null);

        using var response = await client.GetAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("localhost:8080", HttpStatusCode.OK)]
    [InlineData("127.0.0.1:8080", HttpStatusCode.OK)]
    [InlineData("[::1]:8080", HttpStatusCode.OK)]
    [InlineData("rebound.example:8080", HttpStatusCode.NotFound)]
    [InlineData("192.168.1.20:8080", HttpStatusCode.NotFound)]
    public async Task Metrics_FromLoopback_AreServedOnlyUnderALoopbackHostName(string host, HttpStatusCode expected)
    {
        // A page under another name that a DNS-rebinding attack points at 127.0.0.1 reaches the server from loopback
        // but says its own name in Host.
        await using var app = new VigiaServerFactory();
        using var loopback = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, FromLoopback>()));
        using var client = loopback.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Host = host;

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }

    /// <summary>Makes every request come from 127.0.0.1 (the in-memory server gives none).</summary>
    private sealed class FromLoopback : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
