using TopicModel.ML;
using TopicModel.ML.Text;

namespace TopicModel.DataPrep.Labeling;

/// <summary>
/// Finds keyword phrases of many functions in one pass over a text's words. Keywords are compiled
/// once into word-id sequences; every inflection of a keyword word maps to that word's id, so a text
/// token costs one span-keyed dictionary lookup (no allocation) and a phrase is matched by comparing
/// ids. Each function's matches are leftmost-longest and never overlap ("in-context learning" is
/// one hit, not also "in-context").
/// </summary>
internal sealed class KeywordMatcher
{
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _wordIdsBySurface;
    private readonly Phrase[][] _phrasesByFirstWord;
    private readonly string[] _surfaces;

    /// <param name="keywords">(function index, keyword as written in the taxonomy).</param>
    public KeywordMatcher(IEnumerable<(int Function, string Keyword)> keywords)
    {
        var wordIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var phrases = new List<Phrase>();
        foreach (var (function, keyword) in keywords)
        {
            var words = WordTokenizer.Tokens(TextNormalizer.Fold(keyword));
            if (words.Count == 0)
                throw new TopicModelException($"keyword '{keyword}' has no letters or digits to match");
            phrases.Add(new Phrase(function, keyword, phrases.Count, words.Select(w => IdOf(wordIds, w)).ToArray()));
            // "multi-agent" is also written "multiagent", "pre-training" "pretraining".
            if (words.Count > 1 && keyword.Contains('-'))
                phrases.Add(new Phrase(function, keyword, phrases.Count, [IdOf(wordIds, string.Concat(words))]));
        }

        var surfaces = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var (word, id) in wordIds)
        {
            foreach (var form in Inflections.Of(word))
            {
                if (!surfaces.TryGetValue(form, out var ids)) surfaces[form] = ids = [];
                if (!ids.Contains(id)) ids.Add(id);
            }
        }
        _surfaces = [.. surfaces.Keys];
        _wordIdsBySurface = surfaces.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

        _phrasesByFirstWord = new Phrase[wordIds.Count][];
        for (var id = 0; id < wordIds.Count; id++)
            _phrasesByFirstWord[id] = phrases.Where(p => p.Words[0] == id).ToArray();
    }

    /// <summary>Every form a keyword word is matched in (the folded words and their inflections).</summary>
    public IEnumerable<string> Surfaces => _surfaces;

    /// <summary>The keyword word ids a folded text token stands for, or null when it is no keyword word.</summary>
    public int[]? WordIds(ReadOnlySpan<char> token) => _wordIdsBySurface.TryGetValue(token, out var ids) ? ids : null;

    /// <summary>Non-overlapping keyword matches per function in <paramref name="foldedText"/>, ordered by function then position.</summary>
    public List<Match> Find(string foldedText)
    {
        var tokens = new List<Token>();
        var found = new List<Match>();
        Tokenize(foldedText, tokens);
        var ids = new int[]?[tokens.Count];
        for (var i = 0; i < ids.Length; i++) ids[i] = tokens[i].WordIds;
        Collect(ids, found);
        for (var m = 0; m < found.Count; m++)
        {
            var first = tokens[found[m].TokenIndex];
            var last = tokens[found[m].TokenIndex + found[m].TokenCount - 1];
            found[m] = found[m] with { Text = foldedText[first.Start..(last.Start + last.Length)] };
        }
        return found;
    }

    /// <summary>
    /// Adds each function's number of <see cref="Find"/> matches in <paramref name="foldedText"/> to
    /// <paramref name="hitsPerFunction"/>, without making the matched texts.
    /// </summary>
    public void Count(ReadOnlySpan<char> foldedText, Span<int> hitsPerFunction)
    {
        var scratch = t_scratch ??= new Scratch();
        var n = 0;
        var words = WordTokenizer.EnumerateTokens(foldedText);
        while (words.MoveNext())
        {
            if (n == scratch.Ids.Length) Array.Resize(ref scratch.Ids, n * 2);
            scratch.Ids[n++] = WordIds(words.Current);
        }
        Count(scratch.Ids.AsSpan(0, n), hitsPerFunction);
    }

    /// <summary>
    /// <see cref="Count(ReadOnlySpan{char}, Span{int})"/> from the text's tokens already looked up with <see cref="WordIds"/>,
    /// one entry per word token in text order: the scorer's path, where one tokenization of the paper serves every component.
    /// </summary>
    public void Count(ReadOnlySpan<int[]?> tokenWordIds, Span<int> hitsPerFunction)
    {
        var scratch = t_scratch ??= new Scratch();
        Collect(tokenWordIds, scratch.Found);
        foreach (var m in scratch.Found) hitsPerFunction[m.Function]++;
    }

    private void Tokenize(ReadOnlySpan<char> foldedText, List<Token> tokens)
    {
        tokens.Clear();
        var words = WordTokenizer.EnumerateTokens(foldedText);
        while (words.MoveNext())
            tokens.Add(new Token(words.Start, words.Current.Length, WordIds(words.Current)));
    }

    /// <summary>Fills <paramref name="kept"/> with the matches of <see cref="Find"/>, their <see cref="Match.Text"/> left empty.</summary>
    private void Collect(ReadOnlySpan<int[]?> tokens, List<Match> kept)
    {
        kept.Clear();
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i] is not { } ids) continue;
            foreach (var first in ids)
            {
                foreach (var phrase in _phrasesByFirstWord[first])
                {
                    if (MatchesAt(phrase, tokens, i)) kept.Add(new Match(phrase.Function, phrase.Keyword, phrase.Order, i, phrase.Words.Length, ""));
                }
            }
        }
        if (kept.Count <= 1) return;

        // Leftmost-longest per function; ties between equally long keywords go to the one listed first.
        kept.Sort(static (a, b) => a.Function != b.Function ? a.Function.CompareTo(b.Function)
            : a.TokenIndex != b.TokenIndex ? a.TokenIndex.CompareTo(b.TokenIndex)
            : a.TokenCount != b.TokenCount ? b.TokenCount.CompareTo(a.TokenCount)
            : a.Order.CompareTo(b.Order));
        var n = 0;
        var lastFunction = -1;
        var freeFrom = 0;
        for (var j = 0; j < kept.Count; j++)
        {
            var m = kept[j];
            if (m.Function != lastFunction) { lastFunction = m.Function; freeFrom = 0; }
            if (m.TokenIndex < freeFrom) continue;
            kept[n++] = m;
            freeFrom = m.TokenIndex + m.TokenCount;
        }
        kept.RemoveRange(n, kept.Count - n);
    }

    private static bool MatchesAt(Phrase phrase, ReadOnlySpan<int[]?> tokens, int start)
    {
        if (start + phrase.Words.Length > tokens.Length) return false;
        for (var k = 1; k < phrase.Words.Length; k++)
        {
            if (tokens[start + k] is not { } ids || Array.IndexOf(ids, phrase.Words[k]) < 0) return false;
        }
        return true;
    }

    private static int IdOf(Dictionary<string, int> ids, string word)
    {
        if (!ids.TryGetValue(word, out var id)) ids[word] = id = ids.Count;
        return id;
    }

    internal readonly record struct Match(int Function, string Keyword, int Order, int TokenIndex, int TokenCount, string Text);

    private sealed record Phrase(int Function, string Keyword, int Order, int[] Words);

    private readonly record struct Token(int Start, int Length, int[]? WordIds);

    /// <summary>Per-thread lists reused by <see cref="Count"/>, so counting a paper's hits allocates nothing.</summary>
    private sealed class Scratch
    {
        public int[]?[] Ids = new int[]?[256];
        public readonly List<Match> Found = new(32);
    }

    [ThreadStatic] private static Scratch? t_scratch;
}
