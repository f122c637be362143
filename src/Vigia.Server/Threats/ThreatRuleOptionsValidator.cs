using Microsoft.Extensions.Options;
using Vigia.Alerting.Rules;

namespace Vigia.Server.Threats;

/// <summary>Refuses bad <c>Vigia:Alerting</c> settings at start-up, naming the field.</summary>
public sealed class ThreatRuleOptionsValidator : IValidateOptions<ThreatRuleOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ThreatRuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail("Vigia:Alerting:" + ex.Message.Split(" (Parameter", 2)[0]);
        }
    }
}
