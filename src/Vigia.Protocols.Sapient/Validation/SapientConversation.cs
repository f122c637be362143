using SapientMsg.BsiFlex335V20;

namespace Vigia.Protocols.Sapient.Validation;

/// <summary>
/// The rules of one connection from a node to a fusion node: the node registers first, and every later message
/// carries the node_id it registered with (the Apex middleware's rule). A node may register again with the same
/// node_id, for example after a restart of its software.
/// </summary>
/// <remarks>Pure state, no I/O. Not thread-safe: one connection's reader owns it.</remarks>
public sealed class SapientConversation
{
    /// <summary>The node_id the connection registered with, or null before registration.</summary>
    public string? NodeId { get; private set; }

    /// <summary>The icd_version the node announced in its accepted Registration, or null.</summary>
    public string? IcdVersion { get; private set; }

    /// <summary>True once a Registration has been accepted.</summary>
    public bool IsRegistered => NodeId is not null;

    /// <summary>
    /// Checks a message (already valid on its own, see <see cref="SapientValidator"/>) against the conversation.
    /// A Registration is not recorded here: call <see cref="Register"/> once the fusion node accepts it.
    /// </summary>
    /// <returns>False with <see cref="SapientRule.NotRegistered"/> or <see cref="SapientRule.NodeIdMismatch"/>.</returns>
    public bool TryAccept(SapientMessage message, out SapientViolation violation)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (NodeId is null)
        {
            violation = message.ContentCase == SapientMessage.ContentOneofCase.Registration
                ? default
                : new SapientViolation(SapientRule.NotRegistered, ContentName(message), "a node must register before it sends anything else");
            return !violation.IsViolation;
        }

        violation = string.Equals(message.NodeId, NodeId, StringComparison.OrdinalIgnoreCase)
            ? default
            : new SapientViolation(SapientRule.NodeIdMismatch, "node_id", "differs from the node_id this connection registered with");
        return !violation.IsViolation;
    }

    /// <summary>Records an accepted Registration: from now on messages must carry its node_id.</summary>
    public void Register(SapientMessage registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (registration.Registration is null)
        {
            throw new ArgumentException("not a Registration message", nameof(registration));
        }

        NodeId = registration.NodeId;
        IcdVersion = registration.Registration.IcdVersion;
    }

    /// <summary>Forgets the registration (the node said goodbye or was refused).</summary>
    public void Reset()
    {
        NodeId = null;
        IcdVersion = null;
    }

    /// <summary>The protobuf field name of the message's content (e.g. <c>detection_report</c>), or <c>content</c>.</summary>
    public static string ContentName(SapientMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.ContentCase switch
        {
            SapientMessage.ContentOneofCase.Registration => "registration",
            SapientMessage.ContentOneofCase.RegistrationAck => "registration_ack",
            SapientMessage.ContentOneofCase.StatusReport => "status_report",
            SapientMessage.ContentOneofCase.DetectionReport => "detection_report",
            SapientMessage.ContentOneofCase.Task => "task",
            SapientMessage.ContentOneofCase.TaskAck => "task_ack",
            SapientMessage.ContentOneofCase.Alert => "alert",
            SapientMessage.ContentOneofCase.AlertAck => "alert_ack",
            SapientMessage.ContentOneofCase.Error => "error",
            _ => "content",
        };
    }
}
