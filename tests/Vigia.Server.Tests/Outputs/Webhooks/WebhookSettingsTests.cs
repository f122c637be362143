using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vigia.Alerting.Alerts;
using Vigia.Core.Time;
using Vigia.Server.Outputs.Webhooks;

namespace Vigia.Server.Tests.Outputs.Webhooks;

/// <summary>Options validation, the backoff schedule, URL validation and the alert-to-message mapping.</summary>
public sealed class WebhookSettingsTests
{
    [Theory]
    [InlineData("RequestTimeoutSeconds", "0", "RequestTimeoutSeconds")]
    [InlineData("JitterFraction", "1.5", "JitterFraction")]
    [InlineData("MaxRetrySeconds", "0.5", "MaxRetrySeconds (0.5) must be at least FirstRetrySeconds (1)")]
    [InlineData("LeaseSeconds", "9", "LeaseSeconds (9) must be at least twice RequestTimeoutSeconds (5)")]
    public void BadOptions_FailNamingTheSetting(string name, string value, string expected)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [$"Vigia:Webhooks:{name}"] = value }).Build());
        services.AddVigiaWebhooks();
        using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WebhookOptions>>().Value);

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultOptions_AreValid()
    {
        var options = new WebhookOptions();

        Assert.Null(options.Validate());
        Assert.Equal((5.0, 1.0, 60.0), (options.RequestTimeoutSeconds, options.FirstRetrySeconds, options.MaxRetrySeconds));
    }

    [Fact]
    public void Backoff_DoublesFromTheFirstRetry_UpToTheCap()
    {
        var backoff = new WebhookBackoff(new WebhookOptions { FirstRetrySeconds = 1, MaxRetrySeconds = 60, JitterFraction = 0 });

        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60], Enumerable.Range(1, 8).Select(n => backoff.After(n).TotalSeconds));
        Assert.Equal(60, backoff.After(int.MaxValue).TotalSeconds);
    }

    [Fact]
    public void Backoff_JitterStaysWithinItsFraction_AndUnderTheCap()
    {
        var backoff = new WebhookBackoff(new WebhookOptions { FirstRetrySeconds = 2, MaxRetrySeconds = 10, JitterFraction = 0.25 }, new Random(7));

        var first = Enumerable.Range(0, 200).Select(_ => backoff.After(1).TotalSeconds).ToList();
        var capped = Enumerable.Range(0, 200).Select(_ => backoff.After(10).TotalSeconds).ToList();

        Assert.All(first, s => Assert.InRange(s, 1.5, 2.5));
        Assert.True(first.Distinct().Count() > 100, "jitter should spread the waits");
        Assert.All(capped, s => Assert.InRange(s, 7.5, 10));
    }

    [Theory]
    [InlineData("https://receiver.example/vigia", null)]
    [InlineData("http://10.0.0.5:8080/in?src=vigia", null)]
    [InlineData(null, "is required")]
    [InlineData("   ", "is required")]
    [InlineData("receiver.example/vigia", "not an absolute URL")]
    [InlineData("file:///etc/passwd", "not an absolute URL")]
    [InlineData("mailto:ops@example.org", "scheme 'mailto' is not allowed")]
    [InlineData("https://ops:secret@receiver.example/", "user name or password")]
    public void Urls_AreAbsoluteHttpOrHttps(string? url, string? error)
    {
        var found = WebhookEndpointValidation.UrlError(url);

        if (error is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(error, found, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AnAlertChange_BecomesAMessageRoutedByItsPeakLevel_ExpiringWithTheAlert()
    {
        var now = Timestamp.FromUnixSeconds(1_777_000_000);
        var raised = WebhookHarness.Alarm(now, 120);
        var downgraded = new AlertEvent(AlertChange.Updated, raised.Alert with { Version = 2, Level = AlertLevel.Advisory });

        var message = WebhookMessages.From(downgraded, now.AddSeconds(5));

        Assert.Equal(Vigia.Alerting.Webhooks.WebhookPayload.MessageId(downgraded.Alert), message.MessageId);
        Assert.Equal("alert.updated", message.EventType);
        Assert.Equal((int)AlertLevel.Alarm, message.Level);
        Assert.Equal((now.AddSeconds(5), now.AddSeconds(120)), (message.Created, message.Expires));
        Assert.Equal(Vigia.Alerting.Webhooks.WebhookPayload.Build(downgraded), System.Text.Encoding.UTF8.GetBytes(message.Payload));
    }
}
