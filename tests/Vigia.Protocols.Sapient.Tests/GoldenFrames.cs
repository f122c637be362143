using Google.Protobuf;
using SapientMsg.BsiFlex335V20;

namespace Vigia.Protocols.Sapient.Tests;

/// <summary>The golden frames and messages of shared/data/sapient/examples/vigia-golden, for tests that start from a known-good message.</summary>
public static class GoldenFrames
{
    public static byte[] Frame(string name) => File.ReadAllBytes(Path.Combine(SapientExamples.Folder("vigia-golden"), name + ".frame.bin"));

    public static SapientMessage Message(string name) =>
        JsonParser.Default.Parse<SapientMessage>(File.ReadAllText(Path.Combine(SapientExamples.Folder("vigia-golden"), name + ".json")));

    /// <summary>A fresh copy of the golden rotary-wing DetectionReport (04).</summary>
    public static SapientMessage Detection() => Message("04_detection_report_uav");

    /// <summary>A fresh copy of the golden radar Registration (01).</summary>
    public static SapientMessage Registration() => Message("01_registration_radar");
}
