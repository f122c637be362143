using Google.Protobuf;
using SapientMsg.BsiFlex335V20;
using Vigia.Protocols.Sapient.Validation;

namespace Vigia.Protocols.Sapient.Tests;

/// <summary>
/// The Dstl example messages (shared/data/sapient/examples, from dstl/BSI-Flex-335-v2-Test-Harness @ 03beb1a):
/// every message the harness accepts parses, validates and survives a binary frame round trip; every message of its
/// invalid set is refused by the parser or by <see cref="SapientValidator"/> with a named field and reason.
/// </summary>
public sealed class SapientExampleTests
{
    private static readonly JsonParser LenientParser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    [Theory]
    [MemberData(nameof(SapientExamples.Valid), MemberType = typeof(SapientExamples))]
    public void ValidExample_ParsesValidatesAndRoundTripsThroughAFrame(string example)
    {
        var message = SapientExamples.Parse(example);

        var valid = SapientValidator.TryValidate(message, out var violation);
        var frame = SapientWriter.ToFrame(message);
        var status = SapientFrameReader.TryReadSingleFrame(frame, SapientFraming.DefaultMaxFrameLength, out var payload, out var frameError);
        var decodeStatus = SapientDecoder.TryDecode(payload, out var decoded, out var decodeError);

        Assert.True(valid, violation.Message);
        Assert.Equal(SapientStatus.Done, status);
        Assert.Equal(default, frameError);
        Assert.Equal(SapientStatus.Done, decodeStatus);
        Assert.Equal(default, decodeError);
        Assert.Equal(message, decoded);
        Assert.Equal(frame, SapientWriter.ToFrame(decoded));
        Assert.Equal(message, JsonParser.Default.Parse<SapientMessage>(JsonFormatter.Default.Format(decoded)));
    }

    [Theory]
    [MemberData(nameof(SapientExamples.Invalid), MemberType = typeof(SapientExamples))]
    public void InvalidExample_IsRefusedByTheParserOrByTheValidatorNamingTheField(string file)
    {
        var text = SapientExamples.Read("validator/invalid/" + file);
        var expected = InvalidExampleExpectations.FirstViolation[file];

        var parserRefused = TryParse(JsonParser.Default, text, out _, out var parserReason);
        var lenientParsed = TryParse(LenientParser, text, out var lenient, out _) is null;
        var violation = default(SapientViolation);
        var validatorRefused = lenientParsed && !SapientValidator.TryValidate(lenient!, out violation);

        Assert.True(parserRefused is not null || validatorRefused, file + " was accepted");
        if (parserRefused is not null)
        {
            Assert.False(string.IsNullOrWhiteSpace(parserReason));
        }

        Assert.Equal(expected.Rule, violation.Rule);
        Assert.Equal(expected.Field, violation.IsViolation ? violation.Field : string.Empty);
        if (violation.IsViolation)
        {
            Assert.False(string.IsNullOrWhiteSpace(violation.Reason));
        }
    }

    [Fact]
    public void ExpectationTable_CoversEveryInvalidFileAndNoOther()
    {
        var files = SapientExamples.InvalidNames().ToHashSet(StringComparer.Ordinal);

        Assert.Equal(193, files.Count);
        Assert.Equal(files.Order(StringComparer.Ordinal), InvalidExampleExpectations.FirstViolation.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ValidExamples_AreAllThereIsInTheSharedFolders()
    {
        // 38 validator "True" files, 19 ASM and 24 DMM simulator messages, 2 read samples (SOURCES.md).
        Assert.Equal(83, SapientExamples.ValidNames().Count());
    }

    private static Exception? TryParse(JsonParser parser, string text, out SapientMessage? message, out string? reason)
    {
        try
        {
            message = parser.Parse<SapientMessage>(text);
            reason = null;
            return null;
        }
        catch (InvalidProtocolBufferException e)
        {
            message = null;
            reason = e.Message;
            return e;
        }
        catch (InvalidJsonException e)
        {
            message = null;
            reason = e.Message;
            return e;
        }
    }
}
