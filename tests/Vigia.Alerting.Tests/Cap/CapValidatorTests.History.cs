using Vigia.Alerting.Cap;

namespace Vigia.Alerting.Tests.Cap;

/// <summary>An Update or Cancel references exactly the earlier messages of its incident.</summary>
public sealed partial class CapValidatorTests
{
    private static readonly CapReference First = Reference("ID-1", "2026-03-14T12:29:00-06:00");

    [Fact]
    public void History_EveryEarlierMessageReferenced_IsValid()
    {
        var result = CapValidator.Validate(Template, [First]);

        Assert.True(result.Issues.Count == 0, result.ToString());
    }

    [Fact]
    public void History_AnEarlierMessageLeftOut_IsMissing()
    {
        var zero = Reference("ID-0", "2026-03-14T12:28:00-06:00");

        var result = CapValidator.Validate(Template, [zero, First]);

        var error = Assert.Single(result.Issues);
        Assert.Equal((CapErrorCode.HistoryMissingReference, "/alert/references[1]"), (error.Code, error.Path));
        Assert.Contains("vigia@test,ID-0,2026-03-14T12:28:00-06:00 is not referenced", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void History_TheRightMessageWithTheWrongSent_IsUnknown()
    {
        var result = CapValidator.Validate(Template, [Reference("ID-1", "2026-03-14T12:29:01-06:00")]);

        var error = Assert.Single(result.Issues);
        Assert.Equal(CapErrorCode.HistoryUnknownReference, error.Code);
        Assert.Contains("wrong sent", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void History_TheSameInstantWithAnotherOffset_IsTheSameMessage()
    {
        var result = CapValidator.Validate(Template, [Reference("ID-1", "2026-03-14T18:29:00-00:00")]);

        Assert.Empty(result.Issues);
    }

    [Fact]
    public void History_AReferenceToAMessageOfAnotherIncident_IsUnknown()
    {
        var result = CapValidator.Validate(Template, [Reference("ID-1", "2026-03-14T12:29:00-06:00"), Reference("ID-1b", "2026-03-14T12:29:30-06:00")]);

        Assert.Equal(CapErrorCode.HistoryMissingReference, Assert.Single(result.Issues).Code);

        var other = CapValidator.Validate(With("ID-1,", "ID-9,"), [First]);
        Assert.Equal(
            [CapErrorCode.HistoryMissingReference, CapErrorCode.HistoryUnknownReference],
            other.Issues.Select(i => i.Code).Order());
    }

    [Fact]
    public void History_AnAlertAfterEarlierMessages_ShouldHaveBeenAnUpdate()
    {
        var xml = With("<msgType>Update</msgType>", "<msgType>Alert</msgType>");

        var result = CapValidator.Validate(xml, [First]);

        Assert.Equal((CapErrorCode.HistoryNotUpdate, "/alert/msgType[1]"), (Assert.Single(result.Issues).Code, result.Issues[0].Path));
    }

    [Fact]
    public void History_AnEarlierMessageDatedLater_IsOutOfOrder()
    {
        var later = Reference("ID-1", "2026-03-14T12:31:00-06:00");
        var xml = With("2026-03-14T12:29:00-06:00</references>", "2026-03-14T12:31:00-06:00</references>");

        var result = CapValidator.Validate(xml, [later]);

        Assert.Contains(result.Issues, i => i.Code == CapErrorCode.HistoryOrder && i.Severity == CapIssueSeverity.Error);
    }

    private static CapReference Reference(string identifier, string sent)
    {
        Assert.True(CapReference.TryParse($"vigia@test,{identifier},{sent}", out var reference, out var reason), reason);
        return reference!;
    }
}
