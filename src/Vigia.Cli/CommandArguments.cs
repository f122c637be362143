using System.Globalization;

namespace Vigia.Cli;

/// <summary>
/// Parses <c>--name value</c>, <c>--name=value</c> and <c>--flag</c> options plus positional
/// arguments. Every getter throws <see cref="UsageException"/> with the option's name and the
/// reason, so commands need no parsing code of their own. Call <see cref="ThrowIfUnused"/> last
/// to reject misspelt options.
/// </summary>
internal sealed class CommandArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly List<string> _positional = [];

    /// <param name="args">Arguments after the command name.</param>
    /// <param name="flags">Option names (without <c>--</c>) that take no value.</param>
    public CommandArguments(IReadOnlyList<string> args, params string[] flags)
    {
        Raw = args;
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal) || a == "--")
            {
                _positional.Add(a);
                continue;
            }

            var name = a[2..];
            string? value = null;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            else if (!flags.Contains(name))
            {
                if (i + 1 >= args.Count)
                {
                    throw new UsageException($"--{name}: needs a value");
                }

                value = args[++i];
            }

            if (!_options.TryAdd(name, value))
            {
                throw new UsageException($"--{name}: given more than once");
            }
        }
    }

    /// <summary>The arguments as given (for commands that hand them on, such as <c>serve</c>).</summary>
    public IReadOnlyList<string> Raw { get; }

    /// <summary>Positional arguments in order.</summary>
    public IReadOnlyList<string> Positional => _positional;

    /// <summary>True if the flag was given.</summary>
    public bool Flag(string name)
    {
        _used.Add(name);
        return _options.ContainsKey(name);
    }

    /// <summary>The option's text, or null if absent.</summary>
    public string? String(string name)
    {
        _used.Add(name);
        return _options.TryGetValue(name, out var v) ? v : null;
    }

    /// <summary>The option's text; throws if absent.</summary>
    public string RequiredString(string name) =>
        String(name) ?? throw new UsageException($"--{name}: required");

    /// <summary>An integer option within [min, max].</summary>
    public int Int(string name, int defaultValue, int min = int.MinValue, int max = int.MaxValue)
    {
        var text = String(name);
        if (text is null)
        {
            return defaultValue;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
        {
            throw new UsageException($"--{name}: '{text}' is not an integer");
        }

        return v >= min && v <= max ? v : throw new UsageException($"--{name}: {v} is outside [{min}, {max}]");
    }

    /// <summary>A finite number option within [min, max].</summary>
    public double Double(string name, double defaultValue, double min = double.MinValue, double max = double.MaxValue)
    {
        var text = String(name);
        if (text is null)
        {
            return defaultValue;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            throw new UsageException($"--{name}: '{text}' is not a number");
        }

        return v >= min && v <= max
            ? v
            : throw new UsageException($"--{name}: {v.ToString(CultureInfo.InvariantCulture)} is outside [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]");
    }

    /// <summary>A comma-separated list of exactly <paramref name="count"/> numbers, or null if absent.</summary>
    public double[]? Doubles(string name, int count)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        var parts = text.Split(',');
        if (parts.Length != count)
        {
            throw new UsageException($"--{name}: expected {count} comma-separated numbers, got '{text}'");
        }

        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                throw new UsageException($"--{name}: '{parts[i]}' is not a number");
            }
        }

        return values;
    }

    /// <summary>Throws if an option was given that the command never asked for, or too many positionals.</summary>
    public void ThrowIfUnused(int maxPositional = 0)
    {
        foreach (var name in _options.Keys)
        {
            if (!_used.Contains(name))
            {
                throw new UsageException($"--{name}: unknown option");
            }
        }

        if (_positional.Count > maxPositional)
        {
            throw new UsageException($"unexpected argument '{_positional[maxPositional]}'");
        }
    }
}
