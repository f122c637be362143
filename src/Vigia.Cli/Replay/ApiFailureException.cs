namespace Vigia.Cli.Replay;

/// <summary>
/// The server could not be reached, or refused a request with a status that a retry cannot fix: printed as
/// one line (the problem document's detail when there is one), exit code 1.
/// </summary>
internal sealed class ApiFailureException(string message) : Exception(message);
