namespace Vigia.Cli;

/// <summary>Bad command-line usage or bad input: printed without a stack trace, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
