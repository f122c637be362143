using SapientMsg.BsiFlex335V20;
using Vigia.Protocols.Sapient.Validation;

namespace Vigia.Protocols.Sapient.Tests;

public sealed class SapientConversationTests
{
    [Fact]
    public void DetectionBeforeRegistration_IsNotRegistered()
    {
        var conversation = new SapientConversation();

        Assert.False(conversation.TryAccept(GoldenFrames.Detection(), out var violation));
        Assert.Equal(new SapientViolation(SapientRule.NotRegistered, "detection_report", "a node must register before it sends anything else"), violation);
        Assert.False(conversation.IsRegistered);
    }

    [Fact]
    public void AfterRegistration_TheNodesMessagesAreAcceptedAndAnotherNodeIdIsNot()
    {
        var conversation = new SapientConversation();
        var registration = GoldenFrames.Registration();
        Assert.True(conversation.TryAccept(registration, out _));
        conversation.Register(registration);
        var stranger = GoldenFrames.Detection();
        stranger.NodeId = "0b5e2a60-8f0e-4a43-9d1f-5c3f6f0c2b11";

        Assert.True(conversation.TryAccept(GoldenFrames.Detection(), out _));
        Assert.False(conversation.TryAccept(stranger, out var violation));
        Assert.Equal(SapientRule.NodeIdMismatch, violation.Rule);
        Assert.Equal("node_id", violation.Field);
        Assert.Equal("6513270e-269e-4d37-b2a7-4de452e6b438", conversation.NodeId);
        Assert.Equal("BSI Flex 335 v2.0", conversation.IcdVersion);
    }

    [Fact]
    public void Reset_RequiresANewRegistration()
    {
        var conversation = new SapientConversation();
        conversation.Register(GoldenFrames.Registration());

        conversation.Reset();

        Assert.False(conversation.TryAccept(GoldenFrames.Message("03_status_report_radar"), out var violation));
        Assert.Equal(SapientRule.NotRegistered, violation.Rule);
        Assert.Equal("status_report", violation.Field);
    }

    [Fact]
    public void Register_SomethingElse_IsAProgrammingError()
    {
        Assert.Throws<ArgumentException>(() => new SapientConversation().Register(new SapientMessage { NodeId = "x" }));
    }
}
