using System.Text.Json;
using Vigia.Scenarios.Format;

namespace Vigia.Scenarios.Simulation;

/// <summary>
/// A parsed JSON value of a <c>vigia-script/1</c> file that remembers where it stood (line and column) and its
/// JSON path, so that every validation error can read <c>FILE:LINE:COL: field: reason</c>. Scripts are small
/// (at most <see cref="MaxBytes"/>), so the whole tree is held.
/// </summary>
internal sealed class ScriptedJsonNode
{
    /// <summary>The largest script read, bytes.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    private const int MaxDepth = 32;

    private ScriptedJsonNode(ScriptedJsonSource source, JsonValueKind kind, long offset, string path)
    {
        Source = source;
        Kind = kind;
        Offset = offset;
        Path = path;
    }

    /// <summary>The file this node was read from.</summary>
    public ScriptedJsonSource Source { get; }

    /// <summary>The JSON kind (True and False both mean a boolean).</summary>
    public JsonValueKind Kind { get; }

    /// <summary>Byte offset of the value's first byte.</summary>
    public long Offset { get; }

    /// <summary>JSON path, e.g. <c>targets[1].waypoints[0].lat</c>.</summary>
    public string Path { get; }

    /// <summary>The number, for <see cref="JsonValueKind.Number"/>.</summary>
    public double Number { get; private init; }

    /// <summary>The number's exact text, for <see cref="JsonValueKind.Number"/>.</summary>
    public string NumberText { get; private init; } = "";

    /// <summary>The string, for <see cref="JsonValueKind.String"/>.</summary>
    public string Text { get; private init; } = "";

    /// <summary>Properties in file order, for <see cref="JsonValueKind.Object"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, ScriptedJsonNode>> Properties { get; private init; } = [];

    /// <summary>Elements, for <see cref="JsonValueKind.Array"/>.</summary>
    public IReadOnlyList<ScriptedJsonNode> Items { get; private init; } = [];

    /// <summary>Parses <paramref name="utf8"/> (comments and trailing commas allowed) into a tree.</summary>
    /// <exception cref="ScenarioFormatException">Not JSON, too deep, or a property named twice.</exception>
    public static ScriptedJsonNode Parse(string file, byte[] utf8)
    {
        var source = new ScriptedJsonSource(file, utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = MaxDepth,
        });
        try
        {
            if (!reader.Read())
            {
                throw source.Fault(0, "(file)", "empty: expected a JSON object");
            }

            var root = Read(ref reader, source, "");
            if (reader.Read())
            {
                throw source.Fault(reader.TokenStartIndex, "(file)", "unexpected data after the root value");
            }

            return root;
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            var reason = e.Message.Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
            throw new ScenarioFormatException(file, line, column, "(json)", "not valid JSON: " + reason);
        }
    }

    /// <summary>A validation error at this node: <c>FILE:LINE:COL: path: reason</c>.</summary>
    public ScenarioFormatException Fault(string reason) => Source.Fault(Offset, Path.Length == 0 ? "(root)" : Path, reason);

    /// <summary>The property <paramref name="name"/>, or null.</summary>
    public ScriptedJsonNode? Get(string name)
    {
        foreach (var (key, value) in Properties)
        {
            if (key == name)
            {
                return value;
            }
        }

        return null;
    }

    private static ScriptedJsonNode Read(ref Utf8JsonReader reader, ScriptedJsonSource source, string path)
    {
        var offset = reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                {
                    var properties = new List<KeyValuePair<string, ScriptedJsonNode>>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        var nameOffset = reader.TokenStartIndex;
                        var name = reader.GetString()!;
                        var childPath = path.Length == 0 ? name : path + "." + name;
                        if (properties.Exists(p => p.Key == name))
                        {
                            throw source.Fault(nameOffset, childPath, "given twice");
                        }

                        reader.Read();
                        properties.Add(new(name, Read(ref reader, source, childPath)));
                    }

                    return new ScriptedJsonNode(source, JsonValueKind.Object, offset, path) { Properties = properties };
                }

            case JsonTokenType.StartArray:
                {
                    var items = new List<ScriptedJsonNode>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        items.Add(Read(ref reader, source, $"{path}[{items.Count}]"));
                    }

                    return new ScriptedJsonNode(source, JsonValueKind.Array, offset, path) { Items = items };
                }

            case JsonTokenType.String:
                return new ScriptedJsonNode(source, JsonValueKind.String, offset, path) { Text = reader.GetString()! };
            case JsonTokenType.Number:
                return new ScriptedJsonNode(source, JsonValueKind.Number, offset, path)
                {
                    Number = reader.GetDouble(),
                    NumberText = System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
                };
            case JsonTokenType.True:
                return new ScriptedJsonNode(source, JsonValueKind.True, offset, path);
            case JsonTokenType.False:
                return new ScriptedJsonNode(source, JsonValueKind.False, offset, path);
            default:
                return new ScriptedJsonNode(source, JsonValueKind.Null, offset, path);
        }
    }
}

/// <summary>A script file's name and bytes, to turn byte offsets into line and column (1-based, column in UTF-8 bytes).</summary>
internal sealed class ScriptedJsonSource(string file, byte[] utf8)
{
    /// <summary>The file name used in messages.</summary>
    public string File { get; } = file;

    /// <summary>A fault at <paramref name="offset"/>.</summary>
    public ScenarioFormatException Fault(long offset, string field, string reason)
    {
        long line = 1;
        long lineStart = 0;
        var end = Math.Min(offset, utf8.Length);
        for (var i = 0; i < end; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new ScenarioFormatException(File, line, offset - lineStart + 1, field, reason);
    }
}
