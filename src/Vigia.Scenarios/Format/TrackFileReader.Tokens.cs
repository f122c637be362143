using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Vigia.Scenarios.Format;

public static partial class TrackFileReader
{
    /// <summary>Token-level helpers: structure, typed values, and faults positioned at the current token.</summary>
    private ref partial struct Parser
    {
        /// <summary>Moves to the next property's value; null at the end of the object.</summary>
        private string? NextProperty(string objectField)
        {
            Advance(objectField);
            if (_reader.TokenType == JsonTokenType.EndObject)
            {
                return null;
            }

            var name = _reader.GetString()!;
            CurrentField = objectField == "(root)" ? name : objectField + "." + name;
            Advance(CurrentField);
            return name;
        }

        /// <summary>Moves to the next array element; false at the end of the array.</summary>
        private bool NextElement(string arrayField)
        {
            Advance(arrayField);
            return _reader.TokenType != JsonTokenType.EndArray;
        }

        private void Advance(string field)
        {
            if (!_reader.Read())
            {
                throw Fault(_json.Length, field, "unexpected end of file");
            }
        }

        private readonly void ExpectStartObject(string field)
        {
            if (_reader.TokenType != JsonTokenType.StartObject)
            {
                throw Fault(field, "expected an object, found " + Describe(_reader.TokenType));
            }
        }

        private readonly void ExpectStartArray(string field)
        {
            if (_reader.TokenType != JsonTokenType.StartArray)
            {
                throw Fault(field, "expected an array, found " + Describe(_reader.TokenType));
            }
        }

        private readonly double ReadNumber(string field)
        {
            if (_reader.TokenType != JsonTokenType.Number)
            {
                throw Fault(field, "expected a number, found " + Describe(_reader.TokenType));
            }

            if (!_reader.TryGetDouble(out var value) || !double.IsFinite(value))
            {
                throw Fault(field, "number out of range");
            }

            return value;
        }

        private readonly long ReadCount(string field)
        {
            if (_reader.TokenType != JsonTokenType.Number)
            {
                throw Fault(field, "expected an integer, found " + Describe(_reader.TokenType));
            }

            if (!_reader.TryGetInt64(out var value) || value < 0)
            {
                throw Fault(field, "expected a non-negative integer");
            }

            return value;
        }

        private readonly string? ReadString(string field, bool allowNull)
        {
            return _reader.TokenType switch
            {
                JsonTokenType.String => _reader.GetString(),
                JsonTokenType.Null when allowNull => null,
                _ => throw Fault(field, "expected a string, found " + Describe(_reader.TokenType)),
            };
        }

        /// <summary>A track id: a non-empty string, or an integer written as a number (kept as its decimal text).</summary>
        private readonly string ReadId(string field)
        {
            switch (_reader.TokenType)
            {
                case JsonTokenType.String:
                    var text = _reader.GetString()!;
                    return text.Length > 0 ? text : throw Fault(field, "must not be empty");
                case JsonTokenType.Number:
                    return _reader.TryGetInt64(out var number)
                        ? number.ToString(CultureInfo.InvariantCulture)
                        : Encoding.UTF8.GetString(_reader.ValueSpan);
                default:
                    throw Fault(field, "expected a string or number, found " + Describe(_reader.TokenType));
            }
        }

        private readonly ScenarioFormatException Fault(string field, string reason) => Fault(_reader.TokenStartIndex, field, reason);

        /// <summary>A fault at a byte offset; line and column (1-based, bytes) are counted from the start of the input.</summary>
        private readonly ScenarioFormatException Fault(long position, string field, string reason)
        {
            var before = _json[..(int)Math.Min(position, _json.Length)];
            var line = before.Count((byte)'\n') + 1;
            var column = before.Length - before.LastIndexOf((byte)'\n');
            return new ScenarioFormatException(_fileName, line, column, field, reason);
        }

        private static string Describe(JsonTokenType token) => token switch
        {
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "an array",
            JsonTokenType.String => "a string",
            JsonTokenType.Number => "a number",
            JsonTokenType.True or JsonTokenType.False => "a boolean",
            JsonTokenType.Null => "null",
            _ => token.ToString(),
        };
    }
}
