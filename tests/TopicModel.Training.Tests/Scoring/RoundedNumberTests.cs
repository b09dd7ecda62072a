using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TopicModel.Training.Scoring;

namespace TopicModel.Training.Tests.Scoring;

/// <summary>
/// <see cref="RoundedNumber"/> against the formatter it replaces, <see cref="Utf8JsonWriter.WriteNumberValue(double)"/>
/// of <c>Math.Round(value, decimals)</c>: every value the rounding can produce, and floats across [0, 1].
/// </summary>
public sealed class RoundedNumberTests
{
    private readonly ArrayBufferWriter<byte> _buffer = new(64);
    private readonly Utf8JsonWriter _json;

    public RoundedNumberTests() => _json = new Utf8JsonWriter(_buffer);

    /// <summary>What <see cref="ScoredPaperWriter"/> wrote for a rounded value before <see cref="RoundedNumber"/>.</summary>
    private string WriterText(double rounded)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _json.WriteNumberValue(rounded);
        _json.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    private static string? Text(double rounded, int decimals)
    {
        Span<byte> text = stackalloc byte[RoundedNumber.MaxLength];
        return RoundedNumber.TryFormat(rounded, decimals, text, out var written) ? Encoding.UTF8.GetString(text[..written]) : null;
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    public void Every_rounded_value_in_0_to_1_is_written_as_the_json_writer_writes_it_and_all_from_1e_minus_4_take_the_fast_path(int decimals)
    {
        var scale = Math.Pow(10, decimals);
        var declined = 0;
        for (var n = 0; n <= (int)scale; n++)
        {
            // The doubles Math.Round(x, decimals) returns for x in [0, 1]: an integer divided by 10^decimals.
            var rounded = Math.Round(n / scale, decimals);
            var text = Text(rounded, decimals);
            if (text is null)
            {
                declined++;
                Assert.True(rounded < 1e-4, $"{rounded:R} declined");
                continue;
            }
            Assert.Equal(WriterText(rounded), text);
        }
        // Only the values the writer puts in exponent form (0.00001 is "1E-05") are left to it.
        Assert.Equal(decimals == 6 ? 99 : 0, declined);
        Assert.Equal("1E-05", WriterText(Math.Round(0.00001, 6)));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    public void Floats_across_0_to_1_round_and_write_as_before(int decimals)
    {
        // Every 251st float from 0 to 1 (4.2 million), and the neighbours of the rounding midpoints near both ends.
        var one = BitConverter.SingleToInt32Bits(1f);
        for (var bits = 0; bits <= one; bits += 251) Check(BitConverter.Int32BitsToSingle(bits), decimals);
        var scale = Math.Pow(10, decimals);
        for (var n = 0; n < 2000; n++)
        {
            foreach (var midpoint in new[] { (n + 0.5) / scale, 1 - (n + 0.5) / scale })
            {
                var f = (float)midpoint;
                Check(f, decimals);
                Check(MathF.BitDecrement(f), decimals);
                Check(MathF.BitIncrement(f), decimals);
            }
        }
    }

    private void Check(float value, int decimals)
    {
        var rounded = Math.Round((double)value, decimals);
        if (Text(rounded, decimals) is { } text) Assert.Equal(WriterText(rounded), text);
    }

    [Fact]
    public void Values_outside_0_to_1_negative_zero_and_nan_are_left_to_the_writer()
    {
        foreach (var value in new[] { -0.0, -0.5, 1.5, 2, double.NaN, double.PositiveInfinity, double.Epsilon, 0.1234567 })
            Assert.Null(Text(value, 6));
        Assert.Equal("0", Text(0.0, 6));
        Assert.Equal("1", Text(1.0, 4));
        Assert.Equal("0.5", Text(0.5, 6));
        Assert.Equal("0.000123", Text(0.000123, 6));
    }

    /// <summary>
    /// A whole record: <see cref="ScoredPaperWriter.JsonLine"/> against the same record written field by field with the
    /// writer's own number formatting (as the encoder was before), for texts that need escaping and for shares that
    /// round to 0, 1, to exponent form and to everything between.
    /// </summary>
    [Fact]
    public void A_record_encodes_to_the_bytes_the_writer_gives_for_rounded_doubles()
    {
        var random = new Random(21);
        var texts = new[] { "plain", "quote \" and \\ backslash", "tab\tnew line\n", "<b>&amp;</b> 'x' +", "Café ﬁ 日本語 😀", "\u007f\u0080\u2028", "" };
        var specials = new[] { 0f, 1f, 0.00001f, 0.00004999f, 0.00005f, 0.0001f, 0.99999994f, 1e-9f, 0.5f };
        for (var i = 0; i < 2000; i++)
        {
            float Share() => i % 3 == 0 ? specials[random.Next(specials.Length)] : random.NextSingle();
            string Text() => texts[random.Next(texts.Length)] + random.Next(100);
            var top = Enumerable.Range(0, 3).Select(_ => new TopicProbability(Text(), Share())).ToArray();
            var mixture = Enumerable.Range(0, 14).Select(_ => Share()).ToArray();
            var paper = new ScoredPaper(Text(), Text(), Text(), top[0].Topic, top[0].Probability, top, i % 2 == 0 ? mixture : null)
            {
                Topics = [top[0].Topic, Text()],
            };
            var expected = Reference(paper);
            Assert.Equal(expected, Encoding.UTF8.GetString(ScoredPaperWriter.JsonLine(paper, paper.TopicMixture is not null)));
            using var stream = new MemoryStream();
            using (var writer = new ScoredPaperWriter(stream, OutputFormat.Jsonl, paper.TopicMixture is not null)) writer.Write(paper);
            Assert.Equal(expected, Encoding.UTF8.GetString(stream.ToArray()));
        }
    }

    private static string Reference(ScoredPaper p)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("id", p.Id);
            json.WriteString("title", p.Title);
            json.WriteString("digest", p.Digest);
            json.WriteString("topic", p.Topic);
            json.WriteNumber("probability", Math.Round((double)p.Probability, 6));
            json.WriteStartArray("top");
            foreach (var t in p.Top)
            {
                json.WriteStartObject();
                json.WriteString("topic", t.Topic);
                json.WriteNumber("probability", Math.Round((double)t.Probability, 6));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("topics");
            foreach (var t in p.Topics) json.WriteStringValue(t);
            json.WriteEndArray();
            if (p.TopicMixture is { } mixture)
            {
                json.WriteStartArray("topicMixture");
                foreach (var m in mixture) json.WriteNumberValue(Math.Round((double)m, 4));
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }
}
