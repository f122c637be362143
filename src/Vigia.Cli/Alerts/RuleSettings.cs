using Microsoft.Extensions.Configuration;
using Vigia.Alerting.Rules;

namespace Vigia.Cli.Alerts;

/// <summary>
/// <c>vigia eval --alerts --rules FILE</c>: threat-rule settings from a JSON object whose keys are those of the
/// server's <c>Vigia:Alerting</c> section, so a variant measured here is the one a server would run.
/// </summary>
internal static class RuleSettings
{
    /// <summary>The defaults, or the defaults overridden by <paramref name="path"/>; a bad file or value is a usage error naming it.</summary>
    public static ThreatRuleOptions Read(string? path)
    {
        var rules = new ThreatRuleOptions();
        if (path is null)
        {
            return rules;
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"--rules: {path}: no such file");
        }

        try
        {
            var configuration = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(path), optional: false, reloadOnChange: false).Build();
            configuration.Bind(rules, o => o.ErrorOnUnknownConfiguration = true);
            rules.Validate();
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or InvalidDataException)
        {
            throw new UsageException($"--rules: {path}: {e.Message}{(e.InnerException is { } inner ? $" ({inner.Message})" : "")}");
        }

        return rules;
    }
}
