using Vigia.Core.Time;
using Vigia.Protocols.RemoteId;
using Vigia.Protocols.RemoteId.Transports;
using Vigia.Sensors.RemoteId;
using static Vigia.Sensors.Tests.RemoteId.RemoteIdTestMessages;

namespace Vigia.Sensors.Tests.RemoteId;

public sealed class RemoteIdAssemblerTests
{
    // Tepalcatepec, Michoacán, for realistic coordinates.
    private const double Latitude = 19.19;
    private const double Longitude = -102.85;

    private static readonly Timestamp T0 = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));

    private static UasPicture Apply(RemoteIdAssembler assembler, SenderAddress sender, double seconds, params RemoteIdMessage[] messages) =>
        assembler.Apply(sender, T0.AddSeconds(seconds), messages);

    [Fact]
    public void Apply_PackWithEveryMessage_AssemblesOnePictureKeyedByItsSerial()
    {
        var assembler = new RemoteIdAssembler();

        var picture = Apply(assembler, Sender(1), 5, BasicId("1596A0000042"), Location(Latitude, Longitude, 1200, 5), SystemMessage(Latitude + 0.001, Longitude), AuthenticationPage(0));

        Assert.Equal(new UasKey(UasIdType.SerialNumber, "1596A0000042"), picture.Key);
        Assert.Equal(T0.AddSeconds(5), picture.LocationTime);
        Assert.NotNull(picture.System);
        Assert.True(picture.AuthenticationComplete);
        Assert.Equal(PlausibilityConcerns.None, picture.Concerns);
        Assert.Single(assembler.Known);
    }

    [Fact]
    public void Apply_SingleMessagesFromOneSender_MergeIntoThePictureOfItsBasicId()
    {
        var assembler = new RemoteIdAssembler();
        var waiting = Apply(assembler, Sender(2), 1, Location(Latitude, Longitude, 1200, 1));
        Assert.Null(waiting.Key);

        var picture = Apply(assembler, Sender(2), 1.3, BasicId("SER-2"));
        var later = Apply(assembler, Sender(2), 1.6, SystemMessage(Latitude, Longitude + 0.002));

        Assert.Equal("SER-2", picture.Key?.UasId);
        Assert.NotNull(picture.Location);
        Assert.Same(picture, later);
        Assert.NotNull(later.System);
    }

    [Fact]
    public void Apply_OneSerialFromTwoSendersAtOnce_IsFlagged()
    {
        var assembler = new RemoteIdAssembler();
        Apply(assembler, Sender(3), 0, BasicId("CLONED"), Location(Latitude, Longitude, 1200, 0), AuthenticationPage(0));

        var picture = Apply(assembler, Sender(4), 1, BasicId("CLONED"), Location(Latitude, Longitude, 1200, 1));

        Assert.True(picture.Concerns.HasFlag(PlausibilityConcerns.SeveralSenders));
        Assert.Equal(2, picture.Senders.Count);
    }

    [Fact]
    public void Apply_ASerialWithControlCharacters_IsFlaggedMalformed()
    {
        var assembler = new RemoteIdAssembler();

        var forged = Apply(assembler, Sender(9), 0, BasicId("1581F\u0001\u001B[2J"), Location(Latitude, Longitude, 1200, 0), AuthenticationPage(0));
        var honest = Apply(assembler, Sender(10), 0, BasicId("1581F4QWE3"), Location(Latitude, Longitude + 0.01, 1200, 0), AuthenticationPage(0));

        Assert.True(forged.Concerns.HasFlag(PlausibilityConcerns.MalformedId));
        Assert.False(honest.Concerns.HasFlag(PlausibilityConcerns.MalformedId));
    }

    [Fact]
    public void Apply_PositionJumpsFasterThanAnyDrone_IsFlagged()
    {
        var assembler = new RemoteIdAssembler();
        Apply(assembler, Sender(5), 0, BasicId("JUMPY"), Location(Latitude, Longitude, 1200, 0));

        // 0.05° of latitude (5.5 km) in one second.
        var picture = Apply(assembler, Sender(5), 1, BasicId("JUMPY"), Location(Latitude + 0.05, Longitude, 1200, 1));

        Assert.True(picture.Concerns.HasFlag(PlausibilityConcerns.ImpossibleJump));
    }

    [Fact]
    public void Apply_NormalFlight_IsNotFlaggedAsAJump()
    {
        var assembler = new RemoteIdAssembler();
        Apply(assembler, Sender(6), 0, BasicId("CALM"), Location(Latitude, Longitude, 1200, 0));

        // 0.0001° of latitude (11 m) in one second.
        var picture = Apply(assembler, Sender(6), 1, BasicId("CALM"), Location(Latitude + 0.0001, Longitude, 1200, 1));

        Assert.False(picture.Concerns.HasFlag(PlausibilityConcerns.ImpossibleJump));
    }

    [Fact]
    public void Apply_OperatorFarAway_AndNoAuthentication_AreFlagged()
    {
        var assembler = new RemoteIdAssembler();

        // Operator 0.3° (33 km) north of the aircraft.
        var picture = Apply(assembler, Sender(7), 0, BasicId("FAR"), Location(Latitude, Longitude, 1200, 0), SystemMessage(Latitude + 0.3, Longitude));

        Assert.True(picture.Concerns.HasFlag(PlausibilityConcerns.OperatorTooFar));
        Assert.True(picture.Concerns.HasFlag(PlausibilityConcerns.Unauthenticated));
    }

    [Fact]
    public void Apply_TimestampMinutesFromTheReceiveTime_IsFlagged()
    {
        var assembler = new RemoteIdAssembler();

        var picture = Apply(assembler, Sender(8), 0, BasicId("LATE"), Location(Latitude, Longitude, 1200, 1800));

        Assert.True(picture.Concerns.HasFlag(PlausibilityConcerns.TimestampFarFromReceiveTime));
    }

    [Fact]
    public void Apply_ImpossibleCoordinatesAndSpeed_AreFlagged()
    {
        var assembler = new RemoteIdAssembler();
        var location = Location(95, Longitude, 1200, 0);
        location = RemoteIdMessage.FromLocation(location.Location with { SpeedHorizontalMetersPerSecond = 200 });

        var picture = Apply(assembler, Sender(9), 0, BasicId("BAD"), location);

        Assert.True(picture.Concerns.HasFlag(PlausibilityConcerns.ImpossiblePosition));
        Assert.True(picture.Concerns.HasFlag(PlausibilityConcerns.ImpossibleSpeed));
    }

    [Fact]
    public void Prune_AircraftNotHeardForLong_IsForgotten()
    {
        var assembler = new RemoteIdAssembler(new PlausibilityOptions { ForgetAfterSeconds = 60 });
        Apply(assembler, Sender(10), 0, BasicId("GONE"), Location(Latitude, Longitude, 1200, 0));
        Apply(assembler, Sender(11), 100, BasicId("HERE"), Location(Latitude, Longitude, 1200, 100));

        assembler.Prune(T0.AddSeconds(120));

        Assert.Equal("HERE", Assert.Single(assembler.Known).Key?.UasId);
    }
}
