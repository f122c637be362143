using Google.Protobuf;
using SapientMsg.BsiFlex335V20;
using Vigia.Testing;

namespace Vigia.Protocols.Sapient.Tests;

/// <summary>
/// The example messages under shared/data/sapient/examples (Dstl BSI-Flex-335-v2-Test-Harness @ 03beb1a, Apache-2.0,
/// Crown copyright; see that folder's SOURCES.md): protobuf JSON as the harness reads it with
/// <c>SapientMessage.Parser.ParseJson</c>.
/// </summary>
public static class SapientExamples
{
    /// <summary>The folders of messages the harness accepts: its validator's "True" set and the two simulators' messages.</summary>
    public static readonly string[] ValidFolders = ["validator/valid", "asm-simulator", "dmm-simulator", "read-sample"];

    public static string Folder(string relative) => TestPaths.SharedData(["sapient", "examples", .. relative.Split('/')]);

    /// <summary>Every valid example as (folder/file name) for theories.</summary>
    public static TheoryData<string> Valid() => [.. ValidNames()];

    /// <summary>Every valid example as a path relative to the examples folder.</summary>
    public static IEnumerable<string> ValidNames() =>
        ValidFolders.SelectMany(folder => Directory.GetFiles(Folder(folder), "*.json").Order(StringComparer.Ordinal).Select(file => folder + "/" + Path.GetFileName(file)));

    /// <summary>Every file of the harness validator's "False" set (one broken rule each).</summary>
    public static TheoryData<string> Invalid() => [.. InvalidNames()];

    /// <summary>File names of the invalid set.</summary>
    public static IEnumerable<string> InvalidNames() =>
        Directory.GetFiles(Folder("validator/invalid"), "*.json").Order(StringComparer.Ordinal).Select(file => Path.GetFileName(file));

    /// <summary>Reads an example as the harness does.</summary>
    public static SapientMessage Parse(string relativePath) => JsonParser.Default.Parse<SapientMessage>(Read(relativePath));

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Folder(Path.GetDirectoryName(relativePath)!.Replace('\\', '/')), Path.GetFileName(relativePath)));
}
