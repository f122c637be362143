namespace Vigia.Protocols.RemoteId.Tests;

/// <summary>Malformed corpus: shared/data/remoteid/malformed.jsonl, each record with the reference's verdict.</summary>
public sealed partial class RemoteIdDecoderTests
{
    // Records the library accepts (library_ok true): decode as it does, plus these anomaly flags.
    private static readonly Dictionary<int, RemoteIdAnomalies> AcceptedWithAnomalies = new()
    {
        [0] = RemoteIdAnomalies.None,
        [2] = RemoteIdAnomalies.UnknownProtocolVersion,
        [4] = RemoteIdAnomalies.None,
        [6] = RemoteIdAnomalies.UnknownProtocolVersion,
        [8] = RemoteIdAnomalies.None,
        [10] = RemoteIdAnomalies.UnknownProtocolVersion,
        [12] = RemoteIdAnomalies.None,
        [14] = RemoteIdAnomalies.UnknownProtocolVersion,
        [16] = RemoteIdAnomalies.None,
        [18] = RemoteIdAnomalies.UnknownProtocolVersion,
        [20] = RemoteIdAnomalies.None,
        [22] = RemoteIdAnomalies.UnknownProtocolVersion,
        [40] = RemoteIdAnomalies.None,
        [42] = RemoteIdAnomalies.DirectionOutOfRange,
        [44] = RemoteIdAnomalies.NonCanonicalEncoding,
        [46] = RemoteIdAnomalies.SpeedVerticalOutOfRange,
        [48] = RemoteIdAnomalies.LongitudeOutOfRange,
        [50] = RemoteIdAnomalies.ReservedBitsSet,
        [52] = RemoteIdAnomalies.ReservedIdType,
        [54] = RemoteIdAnomalies.ReservedBitsSet,
        [56] = RemoteIdAnomalies.ReservedBitsSet | RemoteIdAnomalies.ReservedClassificationType | RemoteIdAnomalies.ReservedOperatorLocationType,
        [58] = RemoteIdAnomalies.LatitudeOutOfRange,
        [60] = RemoteIdAnomalies.ReservedOperatorIdType,
        [76] = RemoteIdAnomalies.None,
        [90] = RemoteIdAnomalies.None,
        [92] = RemoteIdAnomalies.UnknownProtocolVersion,
        [100] = RemoteIdAnomalies.PackMessageDropped,
        [102] = RemoteIdAnomalies.PackEntryOverwritten,
    };

    // Records the library rejects or cannot judge (library_ok false/null): our specific refusal.
    private static readonly Dictionary<int, (DecodeStatus Status, RemoteIdErrorCode Code)> Rejected = new()
    {
        [24] = (DecodeStatus.Unsupported, RemoteIdErrorCode.UndefinedMessageType),
        [26] = (DecodeStatus.Unsupported, RemoteIdErrorCode.UndefinedMessageType),
        [28] = (DecodeStatus.Unsupported, RemoteIdErrorCode.UndefinedMessageType),
        [30] = (DecodeStatus.Unsupported, RemoteIdErrorCode.UndefinedMessageType),
        [32] = (DecodeStatus.Unsupported, RemoteIdErrorCode.UndefinedMessageType),
        [34] = (DecodeStatus.InvalidData, RemoteIdErrorCode.UnexpectedMessagePack),
        [36] = (DecodeStatus.InvalidData, RemoteIdErrorCode.AuthLastPageIndexOutOfRange),
        [38] = (DecodeStatus.InvalidData, RemoteIdErrorCode.AuthLengthExceedsPages),
        [78] = (DecodeStatus.InvalidData, RemoteIdErrorCode.PackSingleMessageSizeInvalid),
        [80] = (DecodeStatus.InvalidData, RemoteIdErrorCode.PackMessageCountOutOfRange),
        [82] = (DecodeStatus.InvalidData, RemoteIdErrorCode.PackMessageCountOutOfRange),
        [84] = (DecodeStatus.InvalidData, RemoteIdErrorCode.PackMessageCountOutOfRange),
        [86] = (DecodeStatus.InvalidData, RemoteIdErrorCode.PackTruncated),
        [88] = (DecodeStatus.InvalidData, RemoteIdErrorCode.PackTruncated),
        [94] = (DecodeStatus.InvalidData, RemoteIdErrorCode.PackNestedMessagePack),
        [96] = (DecodeStatus.InvalidData, RemoteIdErrorCode.PackDuplicateMessage),
        [98] = (DecodeStatus.InvalidData, RemoteIdErrorCode.PackDuplicateMessage),
    };

    [Fact]
    public void EveryMalformedSingleMessage_DecodesAsTheReferenceWithAnomalies_OrIsRefusedWithASpecificCode()
    {
        var records = Vectors.Malformed("message").ToList();
        var failures = new List<string>();
        foreach (var record in records)
        {
            var status = RemoteIdDecoder.TryDecodeMessage(record.Hex(), out var message, out var error);
            if (record.GetProperty("library_ok").GetBoolean())
            {
                if (status != DecodeStatus.Done)
                {
                    failures.Add($"#{record.Id()}: {status} {error}");
                    continue;
                }

                failures.AddRange(Vectors.Differences(record.Decoded(), Vectors.ProjectMessage(message)).Select(d => $"#{record.Id()}{d}"));
                if (message.Anomalies != AcceptedWithAnomalies[record.Id()])
                {
                    failures.Add($"#{record.Id()}: anomalies {message.Anomalies}");
                }
            }
            else if ((status, error.Code) != Rejected[record.Id()])
            {
                failures.Add($"#{record.Id()}: {status} {error.Code}");
            }
        }

        Assert.Equal(31, records.Count);
        Assert.Empty(failures);
    }

    // library_ok null: the reference takes a fixed 25-byte buffer and cannot see truncation; we must.
    [Fact]
    public void EveryTruncatedMessage_IsRefusedAsInvalidMessageLength()
    {
        var records = Vectors.Malformed("message_truncated").ToList();
        foreach (var record in records)
        {
            var status = RemoteIdDecoder.TryDecodeMessage(record.Hex(), out _, out var error);
            Assert.Equal(DecodeStatus.InvalidData, status);
            Assert.Equal(RemoteIdErrorCode.InvalidMessageLength, error.Code);
            Assert.Equal(record.Hex().Length, error.Actual);
        }

        Assert.Equal(7, records.Count);
    }

    [Fact]
    public void EveryMalformedPack_DecodesAsTheReferenceWithAnomalies_OrIsRefusedWithASpecificCode()
    {
        var records = Vectors.Malformed("message_pack").ToList();
        var failures = new List<string>();
        foreach (var record in records)
        {
            var status = RemoteIdDecoder.TryDecodePack(record.Hex(), out var pack, out var error);
            if (record.GetProperty("library_ok").GetBoolean())
            {
                failures.AddRange(PackDifferences(record, record.Hex()));
                if (pack.Anomalies != AcceptedWithAnomalies[record.Id()])
                {
                    failures.Add($"#{record.Id()}: anomalies {pack.Anomalies}");
                }
            }
            else if ((status, error.Code) != Rejected[record.Id()])
            {
                failures.Add($"#{record.Id()}: {status} {error.Code}");
            }
        }

        Assert.Equal(14, records.Count);
        Assert.Empty(failures);
    }

    [Fact]
    public void TheConvenienceDecode_ThrowsProtocolDecodeExceptionWithTheError()
    {
        var ex = Assert.Throws<ProtocolDecodeException>(() => RemoteIdDecoder.Decode(new byte[24]));
        Assert.Equal(RemoteIdErrorCode.InvalidMessageLength, ex.Error.Code);
        Assert.Contains("InvalidMessageLength", ex.Message, StringComparison.Ordinal);
    }
}
