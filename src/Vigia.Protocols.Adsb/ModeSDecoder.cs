using System.Buffers.Binary;

namespace Vigia.Protocols.Adsb;

/// <summary>
/// Decodes one Mode S reply (56 or 112 bits): DF0/4/5/11/16/20/21 surveillance replies (altitude, identity,
/// Address/Parity address) and DF17/18 extended squitters (identification, airborne and surface position,
/// airborne velocity, operational status).
/// </summary>
/// <remarks>
/// ICAO Annex 10 Vol IV §3.1.2 and RTCA DO-260B. Outcomes (house style §4): Done; InvalidData for a bad length,
/// an undefined DF or a parity mismatch on DF11/17/18 (the CRC-24, <see cref="ModeSCrc"/>); Unsupported for a
/// well-formed reply this decoder does not read (DF19/22/24, Mode A/C, DF18 CF 3/4/7, ES type codes 0 and 23–30,
/// reserved subtypes) — then <c>message</c> still carries the header (format, address, type code) so that it can
/// be counted per aircraft. DF20/21 Comm-B contents (MB) are not interpreted. Never throws on bad bytes;
/// allocates nothing. Thread-safety: stateless.
/// </remarks>
public static partial class ModeSDecoder
{
    /// <summary>Bytes of a 56-bit reply.</summary>
    public const int ShortLength = 7;

    /// <summary>Bytes of a 112-bit reply.</summary>
    public const int LongLength = 14;

    private const uint InterrogatorCodeMask = 0x7F;

    /// <summary>Decodes a reply, refusing parity mismatches on DF11/17/18.</summary>
    /// <param name="reply">The reply bytes: 7 or 14 (2 for a Mode A/C reply, reported Unsupported).</param>
    /// <param name="message">The decoded message (header only when Unsupported; default when InvalidData).</param>
    /// <param name="error">Why it was refused, else default.</param>
    public static DecodeStatus TryDecode(ReadOnlySpan<byte> reply, out ModeSMessage message, out DecodeError error) =>
        TryDecode(reply, ParityCheck.Verify, out message, out error);

    /// <summary>Decodes a reply with the given parity handling.</summary>
    /// <param name="reply">The reply bytes: 7 or 14 (2 for a Mode A/C reply, reported Unsupported).</param>
    /// <param name="parity">Whether a parity mismatch on DF11/17/18 refuses the reply.</param>
    /// <param name="message">The decoded message (header only when Unsupported; default when InvalidData).</param>
    /// <param name="error">Why it was refused, else default.</param>
    public static DecodeStatus TryDecode(ReadOnlySpan<byte> reply, ParityCheck parity, out ModeSMessage message, out DecodeError error)
    {
        message = default;
        error = default;
        if (reply.Length == 2)
        {
            error = new DecodeError(AdsbErrorCode.UnsupportedDownlinkFormat, 0, "ModeAC");
            return DecodeStatus.Unsupported;
        }

        if (reply.Length is not (ShortLength or LongLength))
        {
            error = new DecodeError(AdsbErrorCode.InvalidFrameLength, 0, "Reply", LongLength, reply.Length);
            return DecodeStatus.InvalidData;
        }

        var df = reply[0] >> 3;
        if (df >= 24)
        {
            df = 24;
        }

        var expectedLength = df >= 16 ? LongLength : ShortLength;
        if (reply.Length != expectedLength)
        {
            error = new DecodeError(AdsbErrorCode.LengthMismatch, 0, "DF", expectedLength, reply.Length);
            return DecodeStatus.InvalidData;
        }

        var header = (byte)(reply[0] & 0x07);
        var word = BinaryPrimitives.ReadUInt32BigEndian(reply);
        switch (df)
        {
            case 0 or 4 or 16 or 20:
                message = AddressParity(reply, df, df is 4 or 20 ? header : (byte)0) with
                {
                    Kind = AdsbMessageKind.SurveillanceAltitude,
                    AltitudeFeet = ModeSAltitude.DecodeAc13((int)(word & 0x1FFF)),
                    CommBIdentification = df == 20 ? CommBIdentification(reply) : null,
                };
                return DecodeStatus.Done;
            case 5 or 21:
                message = AddressParity(reply, df, header) with
                {
                    Kind = AdsbMessageKind.SurveillanceIdentity,
                    Squawk = ModeSAltitude.DecodeIdentity((int)(word & 0x1FFF)),
                    CommBIdentification = df == 21 ? CommBIdentification(reply) : null,
                };
                return DecodeStatus.Done;
            case 11:
                return DecodeAllCall(reply, word, header, parity, out message, out error);
            case 17 or 18:
                return DecodeExtendedSquitter(reply, df, header, parity, out message, out error);
            case 19 or 22 or 24:
                message = new ModeSMessage { DownlinkFormat = (DownlinkFormat)df };
                error = new DecodeError(AdsbErrorCode.UnsupportedDownlinkFormat, 0, "DF", -1, df);
                return DecodeStatus.Unsupported;
            default:
                error = new DecodeError(AdsbErrorCode.UndefinedDownlinkFormat, 0, "DF", -1, df);
                return DecodeStatus.InvalidData;
        }
    }

    /// <summary>Decodes a reply or throws <see cref="ProtocolDecodeException"/> (tools and tests only).</summary>
    /// <exception cref="ProtocolDecodeException">The reply is refused or unsupported.</exception>
    public static ModeSMessage Decode(ReadOnlySpan<byte> reply, ParityCheck parity = ParityCheck.Verify)
    {
        var status = TryDecode(reply, parity, out var message, out var error);
        if (status != DecodeStatus.Done)
        {
            AdsbThrowHelper.ThrowDecode(status, error);
        }

        return message;
    }

    private static ModeSMessage AddressParity(ReadOnlySpan<byte> reply, int df, byte header) => new()
    {
        DownlinkFormat = (DownlinkFormat)df,
        Capability = header,
        Address = new IcaoAddress(ModeSCrc.Syndrome(reply)),
        AddressQualifier = AddressQualifier.AddressParity,
    };

    /// <summary>BDS 2,0 in the MB field (bytes 4–10) of a DF20/21 reply, when its designator and characters are valid.</summary>
    private static AircraftIdentification? CommBIdentification(ReadOnlySpan<byte> reply)
    {
        const byte Bds20 = 0x20;
        if (reply[4] != Bds20)
        {
            return null;
        }

        var mb = BinaryPrimitives.ReadUInt64BigEndian(reply[MeOffset..]) >> 8;
        var callsign = Callsign.FromSixBitCharacters(mb & 0xFFFF_FFFF_FFFFUL);
        return callsign.HasInvalidCharacters ? null : new AircraftIdentification { Callsign = callsign };
    }

    private static DecodeStatus DecodeAllCall(ReadOnlySpan<byte> reply, uint word, byte capability, ParityCheck parity, out ModeSMessage message, out DecodeError error)
    {
        error = default;
        message = default;
        var syndrome = ModeSCrc.Syndrome(reply);
        if (parity == ParityCheck.Verify && (syndrome & ~InterrogatorCodeMask) != 0)
        {
            error = new DecodeError(AdsbErrorCode.CrcMismatch, ShortLength - ModeSCrc.ParityLength, "PI", 0, syndrome);
            return DecodeStatus.InvalidData;
        }

        message = new ModeSMessage
        {
            DownlinkFormat = DownlinkFormat.AllCallReply,
            Capability = capability,
            Address = new IcaoAddress(word & IcaoAddress.MaxValue),
            AddressQualifier = AddressQualifier.Icao,
            Kind = AdsbMessageKind.AllCall,
        };
        return DecodeStatus.Done;
    }
}
