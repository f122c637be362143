using System.Globalization;
using System.Text.Json;

namespace Vigia.Scenarios.Format;

/// <summary>
/// Reads a <c>cuas-tracks/1</c> file (see <c>docs/tracking-formats.md</c>). Unknown fields are ignored;
/// a track <c>id</c> may be a JSON string or number. Every file-level fault is a
/// <see cref="ScenarioFormatException"/> naming the line, column and JSON path.
/// </summary>
/// <remarks>Thread-safety: stateless; safe to call from any thread.</remarks>
public static partial class TrackFileReader
{
    /// <summary>Reads and validates a tracks file.</summary>
    /// <param name="path">File path; also used as the file name in error messages.</param>
    /// <exception cref="ScenarioFormatException">The file is not valid <c>cuas-tracks/1</c>.</exception>
    public static TrackFile Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(File.ReadAllBytes(path), path);
    }

    /// <summary>Reads and validates a tracks file already in memory.</summary>
    /// <param name="utf8Json">The whole file, UTF-8 (a byte-order mark is allowed).</param>
    /// <param name="fileName">Name used in error messages.</param>
    /// <exception cref="ScenarioFormatException">The content is not valid <c>cuas-tracks/1</c>.</exception>
    public static TrackFile Read(ReadOnlySpan<byte> utf8Json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (utf8Json.StartsWith(bom))
        {
            utf8Json = utf8Json[bom.Length..];
        }

        var parser = new Parser(utf8Json, fileName);
        try
        {
            return parser.ReadFile();
        }
        catch (JsonException e)
        {
            // Malformed JSON (the reader's own syntax errors): its line and byte-in-line are 0-based.
            throw new ScenarioFormatException(
                fileName, (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1, parser.CurrentField, "invalid JSON: " + FirstSentence(e.Message));
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd();
    }

    internal static string FormatNumber(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
