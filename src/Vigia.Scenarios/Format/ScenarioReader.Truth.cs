using System.Globalization;
using System.Text.Json;

namespace Vigia.Scenarios.Format;

public sealed partial class ScenarioReader
{
    private List<TruthTrack> ReadTruthArray()
    {
        var tracks = new List<TruthTrack>();
        ReadObjectArray("truth", () => tracks.Add(ReadTruthTrack()));
        return tracks;
    }

    /// <summary>
    /// Reads an array of objects at the current token, calling <paramref name="readItem"/> at each
    /// object's start with the path set to <c>name[i]</c>; anything but an object is a file-level fault.
    /// </summary>
    private void ReadObjectArray(string name, Action readItem)
    {
        Expect(JsonTokenType.StartArray, name, "an array");
        _path.Push(name, 0);
        for (var i = 0; ; i++)
        {
            _path.SetIndex(i);
            _pump.ReadRequired();
            if (_pump.Token == JsonTokenType.EndArray)
            {
                break;
            }

            if (_pump.Token != JsonTokenType.StartObject)
            {
                throw _pump.Fault(_path.ToString(), $"expected an object, got {Describe(_pump.Token)}");
            }

            readItem();
        }

        _path.Pop();
    }

    private TruthTrack ReadTruthTrack()
    {
        int? id = null;
        string? uasId = null;
        TruthRole? role = null;
        double? birth = null, death = null;
        var states = new List<TruthState>();
        while (NextProperty())
        {
            if (NameIs("id"u8))
            {
                Expect(JsonTokenType.Number, "id", "an integer");
                id = int.TryParse(_pump.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
                    ? v
                    : throw Fault("id", $"'{_pump.ValueString}' is not an integer");
            }
            else if (NameIs("uas_id"u8))
            {
                uasId = ReadNullableString("uas_id");
            }
            else if (NameIs("role"u8))
            {
                var text = ReadNullableString("role");
                role = text is null ? null : TruthTrack.ParseRole(text) ?? throw Fault("role", $"'{text}' is not one of threat, cooperative, allowed");
            }
            else if (NameIs("birth_t"u8))
            {
                birth = ReadNumber("birth_t");
            }
            else if (NameIs("death_t"u8))
            {
                death = ReadNullableNumber("death_t");
            }
            else if (NameIs("states"u8))
            {
                ReadTruthStates(states);
            }
            else
            {
                SkipPropertyValue();
            }
        }

        return id is null || birth is null
            ? throw Fault(id is null ? "id" : "birth_t", "missing")
            : new TruthTrack(id.Value, uasId, birth.Value, death, states) { Role = role };
    }

    private void ReadTruthStates(List<TruthState> states) => ReadObjectArray("states", () => states.Add(ReadTruthState()));

    private TruthState ReadTruthState()
    {
        Span<double> v = stackalloc double[7];
        var seen = 0;
        while (NextProperty())
        {
            var slot = _pump.Value switch
            {
                [(byte)'t'] => 0,
                [(byte)'x'] => 1,
                [(byte)'y'] => 2,
                [(byte)'z'] => 3,
                [(byte)'v', (byte)'x'] => 4,
                [(byte)'v', (byte)'y'] => 5,
                [(byte)'v', (byte)'z'] => 6,
                _ => -1,
            };
            if (slot < 0)
            {
                SkipPropertyValue();
                continue;
            }

            v[slot] = ReadNumber(StateFields[slot]);
            seen |= 1 << slot;
        }

        if (seen != 0b111_1111)
        {
            var missing = System.Numerics.BitOperations.TrailingZeroCount(~seen);
            throw Fault(StateFields[missing], "missing");
        }

        return new TruthState(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    }

    private static readonly string[] StateFields = ["t", "x", "y", "z", "vx", "vy", "vz"];
}
