using Cluster.Grains.Knowledge.Ingestion;
using Xunit;

namespace Cluster.Tests.Knowledge.Ingestion;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("cafe\u0301", "caf\u00E9")]
    [InlineData("a\r\nb\rc", "a\nb\nc")]
    [InlineData("a \t\u00A0\u2003 b", "a b")]
    [InlineData("  lead and trail  \n", "lead and trail")]
    [InlineData("line   \n   next", "line\nnext")]
    [InlineData("a\n\n\n\n\nb", "a\n\nb")]
    [InlineData("bell\u0007\u0000 soft\u00ADhyphen zero\u200Bwidth\uFEFF", "bell softhyphen zerowidth")]
    [InlineData("para\u2029next", "para\nnext")]
    public void Normalises_unicode_whitespace_and_control_characters(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(input));
    }

    [Fact]
    public void Normalising_twice_changes_nothing()
    {
        var once = TextNormalizer.Normalize(" x\u0301 \r\n\r\n\r\n y\t\tz ");

        Assert.Equal(once, TextNormalizer.Normalize(once));
    }
}
