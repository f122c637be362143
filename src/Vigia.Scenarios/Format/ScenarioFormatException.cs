namespace Vigia.Scenarios.Format;

/// <summary>
/// A file-level fault in a scenario or tracks file. <see cref="Exception.Message"/> reads
/// <c>FILE:LINE:COL: field: reason</c> (line and column 1-based) so editors can jump to it.
/// </summary>
public sealed class ScenarioFormatException : Exception
{
    /// <summary>Creates the exception; the message is composed from the parts.</summary>
    public ScenarioFormatException(string file, long line, long column, string field, string reason)
        : base($"{file}:{line}:{column}: {field}: {reason}")
    {
        File = file;
        Line = line;
        Column = column;
        Field = field;
        Reason = reason;
    }

    /// <summary>The file name as given by the caller.</summary>
    public string File { get; }

    /// <summary>1-based line.</summary>
    public long Line { get; }

    /// <summary>1-based column (in bytes of UTF-8).</summary>
    public long Column { get; }

    /// <summary>JSON path of the offending field, e.g. <c>scans[12].t</c>.</summary>
    public string Field { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }
}
