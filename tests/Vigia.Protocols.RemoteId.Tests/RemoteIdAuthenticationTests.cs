namespace Vigia.Protocols.RemoteId.Tests;

/// <summary>Authentication reassembly over the packs of shared/data/remoteid/vectors.jsonl.</summary>
public sealed class RemoteIdAuthenticationTests
{
    [Fact]
    public void EveryPackVectorWithAllItsAuthPages_ReassemblesToPageZeroPlusTheOtherPagesCutToLength()
    {
        var assembled = 0;
        foreach (var record in Vectors.Of("message_pack"))
        {
            var pack = RemoteIdDecoder.DecodePack(record.Hex());
            var uas = RemoteIdUasData.FromMessages(pack.Messages);
            var auth = record.Decoded().GetProperty("Auth");
            if (auth.GetArrayLength() == 0 || auth[0].GetProperty("DataPage").GetInt32() != 0 || auth.GetArrayLength() <= auth[0].GetProperty("LastPageIndex").GetInt32())
            {
                continue;
            }

            var expected = string.Concat(auth.EnumerateArray().Select(p => p.GetProperty("AuthData_hex").GetString()));
            var length = auth[0].GetProperty("Length").GetInt32();
            var destination = new byte[RemoteIdAuthentication.MaxDataSize];

            Assert.True(RemoteIdAuthentication.TryAssemble(uas, destination, out var header, out var written));
            Assert.Equal(length, written);
            Assert.Equal(expected[..(2 * length)], Convert.ToHexStringLower(destination, 0, written));
            Assert.Equal(auth[0].GetProperty("Timestamp").GetUInt32(), header.TimestampSecondsSince2019);
            assembled++;
        }

        Assert.True(assembled > 0);
    }

    [Fact]
    public void AMissingPage_LeavesTheMessageIncomplete()
    {
        var uas = default(RemoteIdUasData);
        uas.Add(RemoteIdMessage.FromAuthentication(new AuthenticationMessage { LastPageIndex = 1, Length = 20, AuthType = AuthenticationType.UasIdSignature }));

        Assert.False(RemoteIdAuthentication.TryAssemble(uas, new byte[64], out _, out _));
    }
}
