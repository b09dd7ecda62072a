using TopicModel.ML.Text;

namespace TopicModel.Evaluation.Leakage;

/// <summary>The set of n-word shingles of a text's canonical form (folded, punctuation removed).</summary>
internal static class WordShingles
{
    public static HashSet<string> Of(string text, int size)
    {
        var words = TextNormalizer.Canonical(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var shingles = new HashSet<string>(StringComparer.Ordinal);
        if (words.Length == 0) return shingles;
        // A text shorter than one shingle is its own single shingle, so short duplicates still match.
        if (words.Length < size) shingles.Add(string.Join(' ', words));
        for (var i = 0; i + size <= words.Length; i++) shingles.Add(string.Join(' ', words, i, size));
        return shingles;
    }

    public static double Jaccard(int shared, int left, int right) =>
        left + right - shared == 0 ? 0 : (double)shared / (left + right - shared);
}
