using Vigia.Protocols.Asterix.Cat034;
using Vigia.Protocols.Asterix.Cat065;
using static Vigia.Protocols.Asterix.Tests.Support.RecordBuilder;

namespace Vigia.Protocols.Asterix.Tests;

/// <summary>Shared value types and the CAT-034/065 items the recordings do not carry.</summary>
public sealed class ValueTypeTests
{
    [Theory]
    [InlineData(0x0000, "0000")]
    [InlineData(0x0FC0, "7700")]
    [InlineData(0x0A00, "5000")]
    [InlineData(0xF0FF, "0377")]
    public void Mode3ACode_PrintsFourOctalDigits(int raw, string text)
    {
        var code = new Mode3ACode((ushort)raw);
        Assert.Equal(text, code.ToString());
        Span<char> buffer = stackalloc char[4];
        Assert.True(code.TryFormat(buffer, out var written));
        Assert.Equal(text, buffer[..written].ToString());
        Assert.False(code.TryFormat(buffer[..3], out _));
    }

    [Fact]
    public void AircraftIdentification_MapsTheIcaoSet_UnsetAsSpace_OthersAsQuestionMark()
    {
        var id = new AircraftIdentification(0);
        Assert.Equal("        ", id.ToString());
        var bytes = Icao6("AZ09 X");
        var decoded = AircraftIdentification.From(bytes, 0);
        Assert.Equal("AZ09 X  ", decoded.ToString());
        Assert.Equal('Z', decoded[1]);
        Assert.Equal('?', new AircraftIdentification(0x3FUL << 42)[0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => decoded[8]);
        Span<char> buffer = stackalloc char[8];
        Assert.True(decoded.TryFormat(buffer, out var written));
        Assert.Equal(8, written);
    }

    [Fact]
    public void TimeOfDay_IsExactInTicks()
    {
        var time = new AsterixTimeOfDay(27354 * 128 + 77);
        Assert.Equal(TimeSpan.FromSeconds(27354) + TimeSpan.FromTicks(77 * TimeSpan.TicksPerSecond / 128), time.ToTimeSpan());
        Assert.Equal(27354 + (77 / 128.0), time.TotalSeconds);
    }

    [Fact]
    public void Cat034_CountsWindowFilterAndCollimation_DecodeAsLaidOut()
    {
        var record = Record(
            (1, [25, 14]), (2, [3]), (8, [2, 0x08, 0x05, 0xA0, 0x01]), (9, [0x01, 0x00, 0x02, 0x00, 0x40, 0x00, 0x80, 0x00]),
            (10, [4]), (12, [0xFF, 0x40]), (13, [0x02, 0x09]), (14, [0x01]));
        var r = Cat034Decoder.Decode(record);
        Assert.Equal(Cat034MessageType.GeographicalFiltering, r.MessageType);
        Assert.Equal(2, r.MessageCountCount);
        Assert.Equal((new Cat034MessageCount(1, 5), new Cat034MessageCount(20, 1)), (r.GetMessageCount(0), r.GetMessageCount(1)));
        Assert.Equal(new Cat034PolarWindow(1, 2, 90, 180), r.PolarWindow);
        Assert.Equal((byte)4, r.DataFilter);
        Assert.Equal(new Cat034CollimationError(-1 / 128.0, 64 * 360.0 / 16384), r.CollimationError);
        Assert.Equal([0x09], r.ReservedExpansion.ToArray());
        Assert.True(r.SpecialPurpose.IsEmpty);
        Assert.Null(r.TimeOfDay);
    }

    [Fact]
    public void Cat065_StatusAndReport_DecodeAsLaidOut()
    {
        var r = Cat065Decoder.Decode(Record((1, [25, 100]), (2, [3]), (6, [0b0111_0110]), (7, [14])));
        var status = r.SdpsStatus!.Value;
        Assert.Equal((1, true, true, 1, true), (status.OperationalState, status.IsOverloaded, status.IsTimeSourceInvalid, status.ProcessingSystem, status.TrackRenumberingToggle));
        Assert.Equal((Cat065MessageType.ServiceStatusReport, (byte)14), (r.MessageType, r.ServiceStatusReport));
    }
}
