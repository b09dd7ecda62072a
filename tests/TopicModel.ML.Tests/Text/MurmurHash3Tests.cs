using System.Text;
using TopicModel.ML.Text;

namespace TopicModel.ML.Tests.Text;

public class MurmurHash3Tests
{
    // Published reference values of MurmurHash3_x86_32.
    [Theory]
    [InlineData("", 0u, 0u)]
    [InlineData("", 1u, 0x514E28B7u)]
    [InlineData("", 0xFFFFFFFFu, 0x81F16F39u)]
    [InlineData("aaaa", 0x9747B28Cu, 0x5A97808Au)]
    [InlineData("Hello, world!", 0x9747B28Cu, 0x24884CBAu)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x9747B28Cu, 0x2FA826CDu)]
    public void Matches_reference_values_on_bytes(string ascii, uint seed, uint expected)
    {
        Assert.Equal(expected, MurmurHash3.Hash(Encoding.ASCII.GetBytes(ascii), seed));
    }

    [Fact]
    public void Char_hash_is_the_hash_of_utf16_little_endian_bytes()
    {
        const string text = "graph neural";
        Assert.Equal(MurmurHash3.Hash(Encoding.Unicode.GetBytes(text), 7u), MurmurHash3.Hash(text.AsSpan(), 7u));
    }

    [Fact]
    public void Seed_changes_the_hash()
    {
        Assert.NotEqual(MurmurHash3.Hash("graph".AsSpan(), 1u), MurmurHash3.Hash("graph".AsSpan(), 2u));
    }
}
