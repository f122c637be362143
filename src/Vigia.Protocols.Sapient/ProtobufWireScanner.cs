using System.Text.Unicode;
using Google.Protobuf.Reflection;

namespace Vigia.Protocols.Sapient;

/// <summary>
/// Walks protobuf wire format against a message descriptor to say where, and in which field, bytes the protobuf
/// runtime refused go wrong: truncated varints and fixed fields, lengths beyond their message, bad tags, strings
/// that are not UTF-8, nesting past the recursion limit. Cold path only (after a parse failed).
/// </summary>
/// <remarks>
/// Like the runtime, it skips unknown fields and known fields with an unexpected wire type (the runtime keeps
/// them as unknown fields), so its first fault is the one that made the parse fail. Every length is checked
/// against the bytes left before use. Thread-safety: stateless.
/// </remarks>
internal static class ProtobufWireScanner
{
    /// <summary>The protobuf runtime's default recursion limit, which the decoder keeps.</summary>
    public const int RecursionLimit = 100;

    private const int MaxVarintBytes = 10;

    /// <summary>Returns false with the first fault found, or true if the bytes are well formed.</summary>
    public static bool TryScan(ReadOnlySpan<byte> bytes, MessageDescriptor descriptor, out SapientError error) =>
        ScanMessage(bytes, 0, bytes.Length, descriptor, string.Empty, 0, out error);

    private static bool ScanMessage(ReadOnlySpan<byte> bytes, int start, int end, MessageDescriptor? descriptor, string path, int depth, out SapientError error)
    {
        if (depth > RecursionLimit)
        {
            error = new SapientError(SapientErrorCode.NestingTooDeep, start, Name(path), RecursionLimit, depth);
            return false;
        }

        var pos = start;
        while (pos < end)
        {
            var tagOffset = pos;
            if (!TryReadVarint(bytes, ref pos, end, out var tag))
            {
                error = new SapientError(SapientErrorCode.TruncatedVarint, tagOffset, Name(path));
                return false;
            }

            var number = (int)Math.Min(tag >> 3, int.MaxValue);
            var wireType = (int)(tag & 7);
            var field = number > 0 ? descriptor?.FindFieldByNumber(number) : null;
            var fieldPath = field is null ? Join(path, "#" + number.ToString(System.Globalization.CultureInfo.InvariantCulture)) : Join(path, field.Name);
            if (number == 0 || wireType is 4 or 6 or 7)
            {
                error = new SapientError(SapientErrorCode.InvalidTag, tagOffset, fieldPath, -1, (long)Math.Min(tag, long.MaxValue));
                return false;
            }

            if (!SkipValue(bytes, ref pos, end, wireType, number, field, fieldPath, depth, out error))
            {
                return false;
            }
        }

        error = default;
        return true;
    }

    private static bool SkipValue(
        ReadOnlySpan<byte> bytes, ref int pos, int end, int wireType, int number, FieldDescriptor? field, string fieldPath, int depth, out SapientError error)
    {
        var valueOffset = pos;
        switch (wireType)
        {
            case 0:
                if (!TryReadVarint(bytes, ref pos, end, out _))
                {
                    error = new SapientError(SapientErrorCode.TruncatedVarint, valueOffset, fieldPath);
                    return false;
                }

                break;
            case 1:
            case 5:
                var size = wireType == 1 ? 8 : 4;
                if (end - pos < size)
                {
                    error = new SapientError(SapientErrorCode.TruncatedFixed, valueOffset, fieldPath, size, end - pos);
                    return false;
                }

                pos += size;
                break;
            case 2:
                return SkipLengthDelimited(bytes, ref pos, end, field, fieldPath, depth, out error);
            default:
                return SkipGroup(bytes, ref pos, end, number, fieldPath, depth, out error);
        }

        error = default;
        return true;
    }

    private static bool SkipLengthDelimited(ReadOnlySpan<byte> bytes, ref int pos, int end, FieldDescriptor? field, string fieldPath, int depth, out SapientError error)
    {
        var lengthOffset = pos;
        if (!TryReadVarint(bytes, ref pos, end, out var length))
        {
            error = new SapientError(SapientErrorCode.TruncatedVarint, lengthOffset, fieldPath);
            return false;
        }

        if (length > (ulong)(end - pos))
        {
            error = new SapientError(SapientErrorCode.LengthExceedsMessage, lengthOffset, fieldPath, end - pos, (long)Math.Min(length, long.MaxValue));
            return false;
        }

        var bodyStart = pos;
        var bodyEnd = checked(pos + (int)length);
        pos = bodyEnd;
        switch (field?.FieldType)
        {
            case FieldType.Message:
                return ScanMessage(bytes, bodyStart, bodyEnd, field.MessageType, fieldPath, depth + 1, out error);
            case FieldType.String when !Utf8.IsValid(bytes[bodyStart..bodyEnd]):
                error = new SapientError(SapientErrorCode.InvalidProtobuf, bodyStart, fieldPath);
                return false;
            default:
                error = default;
                return true;
        }
    }

    private static bool SkipGroup(ReadOnlySpan<byte> bytes, ref int pos, int end, int number, string fieldPath, int depth, out SapientError error)
    {
        // An unknown group (wire type 3): skip fields until the matching end-group tag.
        if (depth + 1 > RecursionLimit)
        {
            error = new SapientError(SapientErrorCode.NestingTooDeep, pos, fieldPath, RecursionLimit, depth + 1);
            return false;
        }

        while (pos < end)
        {
            var tagOffset = pos;
            if (!TryReadVarint(bytes, ref pos, end, out var tag))
            {
                error = new SapientError(SapientErrorCode.TruncatedVarint, tagOffset, fieldPath);
                return false;
            }

            var inner = (int)Math.Min(tag >> 3, int.MaxValue);
            var wireType = (int)(tag & 7);
            if (wireType == 4 && inner == number)
            {
                error = default;
                return true;
            }

            if (inner == 0 || wireType is 4 or 6 or 7)
            {
                error = new SapientError(SapientErrorCode.InvalidTag, tagOffset, fieldPath, -1, (long)Math.Min(tag, long.MaxValue));
                return false;
            }

            if (!SkipValue(bytes, ref pos, end, wireType, inner, null, fieldPath, depth + 1, out error))
            {
                return false;
            }
        }

        error = new SapientError(SapientErrorCode.LengthExceedsMessage, pos, fieldPath);
        return false;
    }

    private static bool TryReadVarint(ReadOnlySpan<byte> bytes, ref int pos, int end, out ulong value)
    {
        value = 0;
        for (var i = 0; i < MaxVarintBytes; i++)
        {
            if (pos >= end)
            {
                return false;
            }

            var b = bytes[pos++];
            value |= (ulong)(b & 0x7F) << (7 * i);
            if (b < 0x80)
            {
                return true;
            }
        }

        return false;
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static string Name(string path) => path.Length == 0 ? "message" : path;
}
