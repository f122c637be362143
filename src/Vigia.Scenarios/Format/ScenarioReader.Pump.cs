using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Vigia.Scenarios.Format;

public sealed partial class ScenarioReader
{
    /// <summary>
    /// Feeds a file through <see cref="Utf8JsonReader"/> one token at a time over a pooled buffer
    /// that is refilled (and grown only for a token longer than the buffer), carrying the reader's
    /// <see cref="JsonReaderState"/> between refills. It counts lines in the bytes it discards so
    /// that any token can be placed at a 1-based line and byte column.
    /// </summary>
    private sealed class TokenPump : IDisposable
    {
        private const int InitialBufferBytes = 64 * 1024;
        private const int MaxBufferBytes = 64 * 1024 * 1024;

        private readonly Stream _stream;
        private readonly Func<string> _path;
        private readonly string _file;
        private byte[] _buffer;
        private int _start;
        private int _end;
        private bool _final;
        private JsonReaderState _state;
        private long _bufferBase;
        private long _countedTo;
        private long _line = 1;
        private long _lineStart;
        private byte[] _value = new byte[256];
        private int _valueLength;

        public TokenPump(Stream stream, string file, Func<string> path)
        {
            _stream = stream;
            _file = file;
            _path = path;
            _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
            Refill();
        }

        /// <summary>The current token's type.</summary>
        public JsonTokenType Token { get; private set; }

        /// <summary>Absolute byte offset of the current token's first byte.</summary>
        public long TokenOffset { get; private set; }

        /// <summary>Nesting depth after the current token (1 inside the root object).</summary>
        public int Depth { get; private set; }

        /// <summary>The current string (unescaped), property name or number text, as UTF-8.</summary>
        public ReadOnlySpan<byte> Value => _value.AsSpan(0, _valueLength);

        /// <summary>The current string value as a .NET string.</summary>
        public string ValueString => Encoding.UTF8.GetString(Value);

        /// <summary>True when the file had no bytes at all.</summary>
        public bool IsEmptyFile => _final && _bufferBase == 0 && _end == 0;

        /// <summary>Reads the next token; false only at the end of a complete document.</summary>
        public bool Read()
        {
            while (true)
            {
                var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
                bool ok;
                try
                {
                    ok = reader.Read();
                }
                catch (JsonException e)
                {
                    throw SyntaxFault(e);
                }

                if (ok)
                {
                    Capture(ref reader);
                    _start += (int)reader.BytesConsumed;
                    _state = reader.CurrentState;
                    return true;
                }

                _start += (int)reader.BytesConsumed;
                _state = reader.CurrentState;
                if (_final)
                {
                    return false;
                }

                Refill();
            }
        }

        /// <summary>Reads the next token, treating the end of the document as truncation.</summary>
        public void ReadRequired()
        {
            if (!Read())
            {
                throw Truncated();
            }
        }

        /// <summary>Skips the current value (and its children if it opens an object or array).</summary>
        public void SkipValue()
        {
            if (Token is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                SkipToDepth(Depth - 1);
            }
        }

        /// <summary>Reads until the token that closes back to <paramref name="depth"/>.</summary>
        public void SkipToDepth(int depth)
        {
            while (Depth > depth)
            {
                ReadRequired();
            }
        }

        /// <summary>A fault at the current token.</summary>
        public ScenarioFormatException Fault(string field, string reason) => FaultAt(TokenOffset, field, reason);

        /// <summary>A fault at an absolute byte offset not before the last discarded byte.</summary>
        public ScenarioFormatException FaultAt(long offset, string field, string reason)
        {
            var (line, column) = PositionOf(offset);
            return new ScenarioFormatException(_file, line, column, field, reason);
        }

        /// <summary>A truncation fault at the end of the data read so far.</summary>
        public ScenarioFormatException Truncated() =>
            FaultAt(_bufferBase + _end, _path(), "truncated file: unexpected end of data");

        public void Dispose()
        {
            if (_buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = [];
            }
        }

        private void Capture(ref Utf8JsonReader reader)
        {
            Token = reader.TokenType;
            TokenOffset = _bufferBase + _start + reader.TokenStartIndex;
            _valueLength = 0;
            switch (Token)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    Depth++;
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    Depth--;
                    break;
                case JsonTokenType.String or JsonTokenType.PropertyName:
                    EnsureValueCapacity(reader.ValueSpan.Length);
                    _valueLength = reader.ValueIsEscaped ? reader.CopyString(_value) : Copy(reader.ValueSpan);
                    break;
                case JsonTokenType.Number:
                    EnsureValueCapacity(reader.ValueSpan.Length);
                    _valueLength = Copy(reader.ValueSpan);
                    break;
            }
        }

        private int Copy(ReadOnlySpan<byte> source)
        {
            source.CopyTo(_value);
            return source.Length;
        }

        private void EnsureValueCapacity(int length)
        {
            if (_value.Length < length)
            {
                _value = new byte[Math.Max(length, _value.Length * 2)];
            }
        }

        private ScenarioFormatException SyntaxFault(JsonException e)
        {
            // A final block that a non-final read would merely want more bytes for has simply ended early.
            var retry = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), isFinalBlock: false, _state);
            var wantsMore = false;
            try
            {
                while (retry.Read())
                {
                }

                wantsMore = true;
            }
            catch (JsonException)
            {
            }

            if (_final && wantsMore)
            {
                return IsEmptyFile
                    ? new ScenarioFormatException(_file, 1, 1, "$", "not JSON: the file is empty")
                    : Truncated();
            }

            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            return new ScenarioFormatException(_file, line, column, _path(), "invalid JSON: " + Describe(e));
        }

        private static string Describe(JsonException e)
        {
            // The runtime appends its own " LineNumber: .. | BytePositionInLine: .." which our prefix already says.
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            return (cut >= 0 ? message[..cut] : message).TrimEnd('.', ' ');
        }

        private void Refill()
        {
            CountTo(_bufferBase + _start);
            var remaining = _end - _start;
            if (remaining == _buffer.Length)
            {
                if (_buffer.Length >= MaxBufferBytes)
                {
                    throw FaultAt(_bufferBase + _start, _path(), string.Create(CultureInfo.InvariantCulture, $"a single JSON token is longer than {MaxBufferBytes} bytes"));
                }

                var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
                _buffer.AsSpan(_start, remaining).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = bigger;
            }
            else if (_start > 0)
            {
                _buffer.AsSpan(_start, remaining).CopyTo(_buffer);
            }

            _bufferBase += _start;
            _start = 0;
            _end = remaining;
            while (_end < _buffer.Length)
            {
                var n = _stream.Read(_buffer, _end, _buffer.Length - _end);
                if (n == 0)
                {
                    _final = true;
                    break;
                }

                _end += n;
            }
        }

        private void CountTo(long offset)
        {
            if (offset <= _countedTo)
            {
                return;
            }

            var span = _buffer.AsSpan((int)(_countedTo - _bufferBase), (int)(offset - _countedTo));
            var at = _countedTo;
            int i;
            while ((i = span.IndexOf((byte)'\n')) >= 0)
            {
                _line++;
                at += i + 1;
                _lineStart = at;
                span = span[(i + 1)..];
            }

            _countedTo = offset;
        }

        /// <summary>1-based line and byte column of an absolute offset not before the last discarded byte.</summary>
        public (long Line, long Column) PositionOf(long offset)
        {
            offset = Math.Clamp(offset, _countedTo, _bufferBase + _end);
            CountTo(offset);
            return (_line, offset - _lineStart + 1);
        }
    }
}
