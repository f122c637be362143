using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Vigia.Server.Ingest;

/// <summary>
/// Names a recording by its content, for the client ids of the observations played from it: a recording played
/// twice is journalled once, and a different recording under a name used before is journalled too.
/// </summary>
internal static class CaptureRecording
{
    /// <summary>Bytes read from the start of the file (with its length) to name it.</summary>
    public const int IdentifyingBytes = 64 * 1024;

    /// <summary>16 hex digits of the SHA-256 of the file's length and first <see cref="IdentifyingBytes"/> bytes; the stream is left where the read ended.</summary>
    public static string Identify(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var head = new byte[sizeof(long) + IdentifyingBytes];
        BinaryPrimitives.WriteInt64LittleEndian(head, stream.Length);
        var length = sizeof(long) + stream.ReadAtLeast(head.AsSpan(sizeof(long)), IdentifyingBytes, throwOnEndOfStream: false);
        return Convert.ToHexStringLower(SHA256.HashData(head.AsSpan(0, length))[..8]);
    }

    /// <summary>As <see cref="Identify(Stream)"/>, opening <paramref name="path"/>; throws as <see cref="File.OpenRead"/> does.</summary>
    public static string Identify(string path)
    {
        using var stream = File.OpenRead(path);
        return Identify(stream);
    }
}
