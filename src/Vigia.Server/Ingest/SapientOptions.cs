namespace Vigia.Server.Ingest;

/// <summary>The SAPIENT (BSI Flex 335 v2.0) fusion node the server runs (<c>Vigia:Sapient</c>).</summary>
public sealed class SapientOptions
{
    /// <summary>TCP port nodes connect to; 0 (default) = off.</summary>
    public int Port { get; set; }

    /// <summary>
    /// Address to listen on. Default 127.0.0.1 (loopback only); a LAN address to accept field nodes. SAPIENT has no
    /// authentication of its own: keep the port on loopback or a trusted network, and list the nodes expected in
    /// <see cref="AllowedNodeIds"/>.
    /// </summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>This fusion node's UUID (sent in acknowledgements). Default a fixed UUID; set your own per site.</summary>
    public string FusionNodeId { get; set; } = "6f1e0b9a-2d4c-4b8e-9a51-7c3f2e8d4a10";

    /// <summary>
    /// Most nodes registered as sensors (revoked ones included); a new node_id beyond it is refused its registration.
    /// Default 64.
    /// </summary>
    public int MaxNodes { get; set; } = 64;

    /// <summary>When not empty, only these node_ids (UUIDs) may register; others are refused. Default empty (any node, up to <see cref="MaxNodes"/>).</summary>
    public List<string> AllowedNodeIds { get; set; } = [];

    /// <summary>
    /// A node connection that sends nothing for this many seconds is closed (a registered node gets at least five of
    /// its declared status intervals), so a node that lost power or its link does not hold its node_id. Default 60.
    /// </summary>
    public double IdleTimeoutSeconds { get; set; } = 60;
}
