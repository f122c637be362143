namespace Vigia.Server.Ingest;

/// <summary>The SAPIENT (BSI Flex 335 v2.0) fusion node the server runs (<c>Vigia:Sapient</c>).</summary>
public sealed class SapientOptions
{
    /// <summary>TCP port nodes connect to; 0 (default) = off.</summary>
    public int Port { get; set; }

    /// <summary>Address to listen on. Default 127.0.0.1 (loopback only); a LAN address to accept field nodes.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>This fusion node's UUID (sent in acknowledgements). Default a fixed UUID; set your own per site.</summary>
    public string FusionNodeId { get; set; } = "6f1e0b9a-2d4c-4b8e-9a51-7c3f2e8d4a10";

    /// <summary>
    /// A node connection that sends nothing for this many seconds is closed (a registered node gets at least five of
    /// its declared status intervals), so a node that lost power or its link does not hold its node_id. Default 60.
    /// </summary>
    public double IdleTimeoutSeconds { get; set; } = 60;
}
