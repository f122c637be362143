using System.Xml.Linq;
using Vigia.Alerting.Alerts;
using Vigia.Alerting.Cap;
using Vigia.Testing;

namespace Vigia.Alerting.Tests.Cap;

public sealed class CapAtomFeedTests
{
    private static readonly XNamespace A = CapAtomFeed.Namespace;

    private static readonly CapMessageBuilder Builder = new(new CapOptions { Sender = "vigia@san-jose.example", SenderName = "Vigía", TimeZone = AlertSamples.Mexico });

    private static readonly CapFeedOptions Options = new()
    {
        BaseUri = new Uri("https://vigia.san-jose.example:8443/"),
        Title = "Vigía — alertas de drones",
        AuthorName = "Vigía — San José de Gracia",
    };

    [Fact]
    public void OneEntryPerAlert_ItsLatestVersion_LinkingTheCapDocument()
    {
        var history = Builder.BuildAll(AlertSamples.FullHistory().Take(3).ToList());
        var coverage = Builder.Build(AlertSamples.CoverageLost(), []);
        var now = history[^1].Sent.AddSeconds(5);

        var feed = XDocument.Parse(CapAtomFeed.Write(Options, [.. history, coverage], now)).Root!;

        Assert.Equal(A + "feed", feed.Name);
        var entries = feed.Elements(A + "entry").ToList();
        Assert.Equal(2, entries.Count);
        var zone = entries[0];
        Assert.Equal(history[2].Headline, zone.Element(A + "title")!.Value);
        Assert.Equal("ALARMA: 2 drones sobre San José de Gracia", zone.Element(A + "title")!.Value);
        Assert.Equal("2026-03-14T18:30:57Z", zone.Element(A + "updated")!.Value);
        var link = zone.Element(A + "link")!;
        Assert.Equal(("alternate", "application/cap+xml"), ((string)link.Attribute("rel")!, (string)link.Attribute("type")!));
        Assert.Equal($"https://vigia.san-jose.example:8443/cap/{history[2].Identifier}.xml", (string)link.Attribute("href")!);
        Assert.Equal(coverage.Headline, entries[1].Element(A + "title")!.Value);
    }

    [Fact]
    public void Feed_HasTheElementsRfc4287Requires()
    {
        var message = Builder.Build(AlertSamples.ZoneThreat(AlertLevel.Warning), []);

        var feed = XDocument.Parse(CapAtomFeed.Write(Options, [message], message.Sent)).Root!;

        Assert.Equal("https://vigia.san-jose.example:8443/cap/feed.atom", feed.Element(A + "id")!.Value);
        Assert.Equal(Options.Title, feed.Element(A + "title")!.Value);
        Assert.Equal("2026-03-14T18:30:15Z", feed.Element(A + "updated")!.Value);
        Assert.Equal(Options.AuthorName, feed.Element(A + "author")!.Element(A + "name")!.Value);
        Assert.Equal("self", (string)feed.Element(A + "link")!.Attribute("rel")!);
        var entry = Assert.Single(feed.Elements(A + "entry"));
        Assert.StartsWith("urn:uuid:", entry.Element(A + "id")!.Value, StringComparison.Ordinal);
        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", entry.Element(A + "id")!.Value);
    }

    [Fact]
    public void EntryId_StaysAcrossVersions_AndDiffersBetweenAlerts()
    {
        var history = Builder.BuildAll(AlertSamples.FullHistory());
        var other = Builder.Build(AlertSamples.CoverageLost(), []);

        Assert.Single(history.Select(CapAtomFeed.EntryId).Distinct());
        Assert.NotEqual(CapAtomFeed.EntryId(history[0]), CapAtomFeed.EntryId(other));
    }

    [Fact]
    public void ExpiredMessages_LeaveTheFeed_EvenWhenEarlierVersionsHaveNot()
    {
        var history = Builder.BuildAll(AlertSamples.FullHistory());
        var cancel = history[^1];

        var before = XDocument.Parse(CapAtomFeed.Write(Options, history, cancel.Expires.AddSeconds(-1))).Root!;
        var after = XDocument.Parse(CapAtomFeed.Write(Options, history, cancel.Expires)).Root!;

        Assert.Equal(cancel.Headline, Assert.Single(before.Elements(A + "entry")).Element(A + "title")!.Value);
        Assert.Empty(after.Elements(A + "entry"));
    }

    [Fact]
    public void Feed_FollowsTheSharedUsgsIndexFeedShape()
    {
        // The shared index feed (feeds/usgs-earthquake-index.atom) links each entry's CAP document by its media type.
        var usgs = XDocument.Load(TestPaths.SharedData("cap", "feeds", "usgs-earthquake-index.atom")).Root!;
        var usgsEntry = usgs.Element(A + "entry")!;
        var message = Builder.Build(AlertSamples.ZoneThreat(AlertLevel.Alarm), []);

        var ours = XDocument.Parse(CapAtomFeed.Write(Options, [message], message.Sent)).Root!.Element(A + "entry")!;

        Assert.Contains(usgsEntry.Elements(A + "link"), l => (string?)l.Attribute("type") == CapSpec.MediaType);
        Assert.Contains(ours.Elements(A + "link"), l => (string?)l.Attribute("type") == CapSpec.MediaType);
        foreach (var name in new[] { "id", "title", "updated" })
        {
            Assert.NotNull(usgsEntry.Element(A + name));
            Assert.NotNull(ours.Element(A + name));
        }
    }
}
