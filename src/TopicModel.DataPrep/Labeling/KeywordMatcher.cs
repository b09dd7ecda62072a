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
        _wordIdsBySurface = surfaces.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

        _phrasesByFirstWord = new Phrase[wordIds.Count][];
        for (var id = 0; id < wordIds.Count; id++)
            _phrasesByFirstWord[id] = phrases.Where(p => p.Words[0] == id).ToArray();
    }

    /// <summary>Non-overlapping keyword matches per function in <paramref name="foldedText"/>, ordered by function then position.</summary>
    public List<Match> Find(string foldedText)
    {
        var tokens = new List<Token>();
        var lookup = _wordIdsBySurface;
        WordTokenizer.Tokenize(foldedText, (token, start) =>
            tokens.Add(new Token(start, token.Length, lookup.TryGetValue(token, out var ids) ? ids : null)));

        var found = new List<Match>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].WordIds is not { } ids) continue;
            foreach (var first in ids)
            {
                foreach (var phrase in _phrasesByFirstWord[first])
                {
                    if (!MatchesAt(phrase, tokens, i)) continue;
                    var end = tokens[i + phrase.Words.Length - 1];
                    found.Add(new Match(phrase.Function, phrase.Keyword, phrase.Order, i, phrase.Words.Length,
                        foldedText[tokens[i].Start..(end.Start + end.Length)]));
                }
            }
        }
        if (found.Count <= 1) return found;

        // Leftmost-longest per function; ties between equally long keywords go to the one listed first.
        found.Sort((a, b) => a.Function != b.Function ? a.Function.CompareTo(b.Function)
            : a.TokenIndex != b.TokenIndex ? a.TokenIndex.CompareTo(b.TokenIndex)
            : a.TokenCount != b.TokenCount ? b.TokenCount.CompareTo(a.TokenCount)
            : a.Order.CompareTo(b.Order));
        var kept = new List<Match>(found.Count);
        var lastFunction = -1;
        var freeFrom = 0;
        foreach (var m in found)
        {
            if (m.Function != lastFunction) { lastFunction = m.Function; freeFrom = 0; }
            if (m.TokenIndex < freeFrom) continue;
            kept.Add(m);
            freeFrom = m.TokenIndex + m.TokenCount;
        }
        return kept;
    }

    private static bool MatchesAt(Phrase phrase, List<Token> tokens, int start)
    {
        if (start + phrase.Words.Length > tokens.Count) return false;
        for (var k = 1; k < phrase.Words.Length; k++)
        {
            if (tokens[start + k].WordIds is not { } ids || Array.IndexOf(ids, phrase.Words[k]) < 0) return false;
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
}
