namespace Vigia.Protocols.RemoteId;

/// <summary>One page of an Authentication message (type 0x2).</summary>
/// <remarks>
/// ASTM F3411-22a §5.4.5.6 Table 9: byte 1 = auth type (high nibble) | page number (low nibble).
/// Page 0: byte 2 last page index, byte 3 length of the whole authentication data, bytes 4..7 timestamp
/// (seconds since 2019-01-01T00:00:00Z), bytes 8..24 the first 17 data bytes. Pages 1..15: bytes 2..24,
/// 23 data bytes. <see cref="RemoteIdAuthentication"/> joins the pages.
/// </remarks>
public struct AuthenticationMessage
{
    /// <summary>The number of data bytes on page 0.</summary>
    public const int PageZeroDataSize = 17;

    /// <summary>The number of data bytes on pages 1..15.</summary>
    public const int PageDataSize = 23;

    /// <summary>The most pages an authentication message has (page numbers 0..15).</summary>
    public const int MaxPages = 16;

    /// <summary>The page number, 0..15.</summary>
    public byte DataPage { get; init; }

    /// <summary>Authentication type.</summary>
    public AuthenticationType AuthType { get; init; }

    /// <summary>Page 0 only: index of the last page (0..15).</summary>
    public byte LastPageIndex { get; init; }

    /// <summary>Page 0 only: total length of the authentication data, bytes.</summary>
    public byte Length { get; init; }

    /// <summary>Page 0 only: seconds since 2019-01-01T00:00:00Z.</summary>
    public uint TimestampSecondsSince2019 { get; init; }

    /// <summary>The page's data: 17 bytes on page 0 (the rest zero), 23 bytes on other pages.</summary>
    public RemoteIdBytes23 AuthData { get; init; }

    /// <summary>The number of meaningful bytes in <see cref="AuthData"/> for this page (17 or 23).</summary>
    public readonly int AuthDataSize => DataPage == 0 ? PageZeroDataSize : PageDataSize;
}
