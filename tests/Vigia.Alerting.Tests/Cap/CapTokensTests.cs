using FsCheck.Xunit;
using Vigia.Alerting.Cap;

namespace Vigia.Alerting.Tests.Cap;

public sealed class CapTokensTests
{
    [Property(MaxTest = 300)]
    public bool Unescape_ReversesEscape_ForAnyText(int seed)
    {
        // Random text over letters, the kept punctuation, spaces, CAP's restricted characters, '~', Spanish
        // letters, a CJK character and an emoji (a surrogate pair).
        string[] pieces = ["a", "Z", "7", "-", ".", "_", ":", " ", ",", "<", "&", "~", "ñ", "é", "Ü", "水", "🛸", "\t"];
        var random = new Random(seed);
        var text = string.Concat(Enumerable.Range(0, random.Next(0, 24)).Select(_ => pieces[random.Next(pieces.Length)]));

        return CapTokens.TryUnescape(CapTokens.Escape(text), out var back) && back == text;
    }

    [Theory]
    [InlineData("zona~201~2C~20~3Cnorte~3E~20~26~20sur~7E~C3B1", "zona 1, <norte> & sur~ñ")]
    [InlineData("escuela-jos~C3A9", "escuela-josé")]
    [InlineData("zone-1", "zone-1")]
    [InlineData("", "")]
    public void Unescape_GivesTheAlertId(string escaped, string expected)
    {
        Assert.True(CapTokens.TryUnescape(escaped, out var text));
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("zona 1")] // a space Escape would have written as ~20
    [InlineData("~41")] // 'A' escaped: not what Escape writes
    [InlineData("jos~c3a9")] // lower-case hex
    [InlineData("jos~C3")] // a truncated two-byte character
    [InlineData("jos~C3A")]
    [InlineData("~FF")] // no UTF-8 lead byte
    [InlineData("~C328")] // a lead byte followed by a non-continuation byte
    [InlineData("~")]
    public void Unescape_RefusesWhatNoTextEscapesTo(string escaped)
    {
        Assert.False(CapTokens.TryUnescape(escaped, out var text));
        Assert.Null(text);
    }
}
