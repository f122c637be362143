using System.Net;
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
}
