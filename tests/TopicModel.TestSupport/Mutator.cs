using System.Text;

namespace TopicModel.TestSupport;

/// <summary>
/// Seeded input mutations for the fuzz tests, the classic ones of byte-level fuzzers (AFL's havoc stage):
/// bit flips, interesting bytes, inserted and deleted runs, duplicated and spliced chunks, truncation,
/// plus text-level ones that reach deeper than random bytes into line-based parsers (dropped, swapped
/// and repeated lines, invalid UTF-8, control characters, huge lines). The same seed gives the same
/// inputs, so a failing case is reproduced from the seed and case number printed with it.
/// </summary>
public sealed class Mutator(int seed)
{
    private static readonly byte[] Interesting = [0x00, 0x01, 0x7F, 0x80, 0xFF, (byte)'\n', (byte)'\r', (byte)'"', (byte)',', (byte)'{', (byte)'}', (byte)'[', (byte)'\\', 0xC3, 0xE2, 0xF0, 0xEF, 0xBB, 0xBF];

    public Random Random { get; } = new(seed);

    /// <summary>One to <paramref name="maxSteps"/> stacked mutations of <paramref name="input"/>, never longer than <paramref name="maxLength"/>.</summary>
    public byte[] Mutate(byte[] input, int maxSteps = 4, int maxLength = 1 << 20)
    {
        var data = new List<byte>(input);
        var steps = Random.Next(1, maxSteps + 1);
        for (var s = 0; s < steps; s++) Step(data);
        return data.Count > maxLength ? data.GetRange(0, maxLength).ToArray() : data.ToArray();
    }

    /// <summary>Random bytes, biased toward the characters parsers of text formats care about.</summary>
    public byte[] RandomBytes(int maxLength)
    {
        var length = Random.Next(0, maxLength + 1);
        var bytes = new byte[length];
        var alphabet = Random.Next(3);
        for (var i = 0; i < length; i++)
        {
            bytes[i] = alphabet switch
            {
                0 => (byte)Random.Next(256),
                1 => Interesting[Random.Next(Interesting.Length)],
                _ => (byte)" abcdefghijklmnopqrstuvwxyz\n\n,\"{}:[]0123456789.-"[Random.Next(48)],
            };
        }
        return bytes;
    }

    private void Step(List<byte> data)
    {
        var n = data.Count;
        switch (Random.Next(n == 0 ? 1 : 13))
        {
            case 0: // insert a run of interesting or random bytes
                {
                    var at = Random.Next(n + 1);
                    var run = Enumerable.Range(0, Random.Next(1, 9)).Select(_ => Random.Next(2) == 0 ? Interesting[Random.Next(Interesting.Length)] : (byte)Random.Next(256));
                    data.InsertRange(at, run);
                    break;
                }
            case 1: // flip one bit
                data[Random.Next(n)] ^= (byte)(1 << Random.Next(8));
                break;
            case 2: // overwrite with an interesting byte
                data[Random.Next(n)] = Interesting[Random.Next(Interesting.Length)];
                break;
            case 3: // delete a run
                {
                    var at = Random.Next(n);
                    data.RemoveRange(at, Math.Min(n - at, Random.Next(1, 64)));
                    break;
                }
            case 4: // truncate
                {
                    var at = Random.Next(n);
                    data.RemoveRange(at, n - at);
                    break;
                }
            case 5: // duplicate a chunk somewhere else
                {
                    var at = Random.Next(n);
                    var chunk = data.GetRange(at, Math.Min(n - at, Random.Next(1, 256)));
                    data.InsertRange(Random.Next(data.Count + 1), chunk);
                    break;
                }
            case 6: // drop a line
            case 7: // swap two lines
            case 8: // repeat a line many times
                MutateLines(data, Random.Next(3));
                break;
            case 9: // invalid UTF-8: a lone continuation byte or a cut multi-byte sequence
                data.InsertRange(Random.Next(n + 1), Random.Next(2) == 0 ? [0x80] : [0xE2, 0x82]);
                break;
            case 10: // a very long line without a newline
                data.InsertRange(Random.Next(n + 1), Enumerable.Repeat((byte)'x', Random.Next(1_000, 20_000)));
                break;
            case 11: // CRLF and lone CR line ends
                for (var i = 0; i < data.Count; i++)
                {
                    if (data[i] == '\n' && Random.Next(4) == 0) data.Insert(i++, (byte)'\r');
                }
                break;
            default: // a byte-order mark or NULs at the start
                data.InsertRange(0, Random.Next(2) == 0 ? [0xEF, 0xBB, 0xBF] : [0, 0]);
                break;
        }
    }

    private void MutateLines(List<byte> data, int kind)
    {
        var lines = Encoding.Latin1.GetString(data.ToArray()).Split('\n').ToList();
        if (lines.Count < 2) return;
        var i = Random.Next(lines.Count);
        var j = Random.Next(lines.Count);
        switch (kind)
        {
            case 0: lines.RemoveAt(i); break;
            case 1: (lines[i], lines[j]) = (lines[j], lines[i]); break;
            default: lines.InsertRange(i, Enumerable.Repeat(lines[j], Random.Next(2, 50))); break;
        }
        data.Clear();
        data.AddRange(Encoding.Latin1.GetBytes(string.Join('\n', lines)));
    }
}
