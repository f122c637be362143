using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Vigia.Tracking.Trackers;

namespace Vigia.Cli.Tracking;

/// <summary>
/// <c>--tracker-options FILE</c>: the tracker's numeric settings from a JSON object whose keys are the names of
/// <see cref="TrackerOptions"/> properties (e.g. <c>{"DisplayCoastSeconds": 2.2, "MinimumHitsToConfirm": 1}</c>),
/// so a variant can be measured on a scenario without a rebuild. Only number and true/false settings are read;
/// the motion models and sensor models keep their defaults.
/// </summary>
internal static class TrackerSettings
{
    private static readonly Dictionary<string, PropertyInfo> Settable = typeof(TrackerOptions)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite && (p.PropertyType == typeof(double) || p.PropertyType == typeof(int) || p.PropertyType == typeof(long) || p.PropertyType == typeof(bool)))
        .ToDictionary(p => p.Name, StringComparer.Ordinal);

    /// <summary>The names <c>--tracker-options</c> accepts, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Settable.Keys.Order(StringComparer.Ordinal)];

    /// <summary>
    /// <paramref name="options"/> with the settings of <paramref name="path"/> applied (a copy; null path: unchanged).
    /// A missing file, malformed JSON, an unknown key, a value of the wrong type or one the tracker refuses is a usage
    /// error naming the file and the key.
    /// </summary>
    public static TrackerOptions Apply(TrackerOptions options, string? path)
    {
        if (path is null)
        {
            return options;
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"--tracker-options: {path}: no such file");
        }

        JsonDocument document;
        try
        {
            // A byte-order mark (Notepad, PowerShell 5) is not JSON but is no reason to refuse the file.
            var bytes = File.ReadAllBytes(path);
            var json = bytes.AsMemory(bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0);
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"--tracker-options: {path}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: not JSON ({e.Message})"));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new UsageException($"--tracker-options: {path}: must be a JSON object of tracker settings, got {document.RootElement.ValueKind}");
            }

            var result = options with { };
            foreach (var setting in document.RootElement.EnumerateObject())
            {
                if (!Settable.TryGetValue(setting.Name, out var property))
                {
                    throw new UsageException($"--tracker-options: {path}: {setting.Name}: not a tracker setting (one of {string.Join(", ", Names)})");
                }

                property.SetValue(result, Read(path, setting, property.PropertyType));
            }

            try
            {
                result.Validate();
            }
            catch (ArgumentException e)
            {
                throw new UsageException($"--tracker-options: {path}: {e.Message}");
            }

            return result;
        }
    }

    /// <summary>The settings of <paramref name="options"/> that differ from the defaults, as <c>Name=value</c> pairs (empty when none).</summary>
    public static string Changes(TrackerOptions options)
    {
        var defaults = new TrackerOptions();
        return string.Join(", ", Names
            .Select(name => (name, value: Settable[name].GetValue(options), standard: Settable[name].GetValue(defaults)))
            .Where(s => !Equals(s.value, s.standard))
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.name}={s.value}")));
    }

    private static object Read(string path, JsonProperty setting, Type type)
    {
        var value = setting.Value;
        if (type == typeof(bool))
        {
            return value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Bad(path, setting.Name, "true or false"),
            };
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            throw Bad(path, setting.Name, type == typeof(double) ? "a number" : "a whole number");
        }

        if (type == typeof(double))
        {
            return value.TryGetDouble(out var d) && double.IsFinite(d) ? d : throw Bad(path, setting.Name, "a finite number");
        }

        if (type == typeof(int))
        {
            return value.TryGetInt32(out var i) ? i : throw Bad(path, setting.Name, "a whole number");
        }

        return value.TryGetInt64(out var l) ? l : throw Bad(path, setting.Name, "a whole number");
    }

    private static UsageException Bad(string path, string name, string expected) =>
        new($"--tracker-options: {path}: {name}: must be {expected}");
}
