namespace Vigia.Protocols.RemoteId;

/// <summary>Reassembles a complete authentication message from its pages (F3411-22a §5.4.5.6).</summary>
/// <remarks>
/// Page 0 gives the last page index, the total length and the timestamp; the data is page 0's 17 bytes followed
/// by 23 bytes from each of pages 1..LastPageIndex, cut to the declared length. Thread-safety: stateless.
/// </remarks>
public static class RemoteIdAuthentication
{
    /// <summary>The most authentication data a message can carry: 17 + 15 × 23 bytes.</summary>
    public const int MaxDataSize = AuthenticationMessage.PageZeroDataSize + ((AuthenticationMessage.MaxPages - 1) * AuthenticationMessage.PageDataSize);

    /// <summary>
    /// Joins the pages gathered in <paramref name="uas"/> when page 0 and every page up to its last page index are
    /// present and all carry the same authentication type.
    /// </summary>
    /// <param name="uas">The gathered messages of one broadcaster.</param>
    /// <param name="destination">Receives the data; <see cref="MaxDataSize"/> bytes always suffice.</param>
    /// <param name="header">Page 0 (type, length, timestamp) when complete.</param>
    /// <param name="written">Data bytes written (page 0's Length) when complete.</param>
    /// <returns>False when a page is missing, the types disagree or <paramref name="destination"/> is too small.</returns>
    public static bool TryAssemble(in RemoteIdUasData uas, Span<byte> destination, out AuthenticationMessage header, out int written)
    {
        written = 0;
        header = default;
        if (!uas.IsAuthPageValid(0))
        {
            return false;
        }

        var first = uas.GetAuthPage(0);
        if (destination.Length < first.Length)
        {
            return false;
        }

        Span<byte> all = stackalloc byte[MaxDataSize];
        var data = first.AuthData;
        ((ReadOnlySpan<byte>)data)[..AuthenticationMessage.PageZeroDataSize].CopyTo(all);
        for (var page = 1; page <= first.LastPageIndex; page++)
        {
            if (!uas.IsAuthPageValid(page) || uas.GetAuthPage(page).AuthType != first.AuthType)
            {
                return false;
            }

            data = uas.GetAuthPage(page).AuthData;
            ((ReadOnlySpan<byte>)data).CopyTo(all[(AuthenticationMessage.PageZeroDataSize + ((page - 1) * AuthenticationMessage.PageDataSize))..]);
        }

        all[..first.Length].CopyTo(destination);
        header = first;
        written = first.Length;
        return true;
    }
}
