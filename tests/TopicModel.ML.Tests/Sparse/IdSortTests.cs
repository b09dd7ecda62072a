using TopicModel.ML.Sparse;
using TopicModel.ML.Tests.Text;
using TopicModel.ML.Text;

namespace TopicModel.ML.Tests.Sparse;

public sealed class IdSortTests
{
    /// <summary>
    /// What the featurizer sorts: per held-out paper, the vocabulary ids of its title's and abstract's word 1–2-grams in
    /// text order (one vocabulary of every n-gram of the same papers, so every n-gram has an id).
    /// </summary>
    private static int[][] DocumentIds()
    {
        var papers = DigestTestData.HeldOutPapers;
        var featurizer = new TextFeaturizer(new TextFeaturizerOptions { SeparateFields = false, MinDocumentCount = 1 }).Fit(papers);
        var vocabulary = featurizer.WordVocabulary(0)!;
        return papers.Select(fields =>
        {
            var ids = new List<int>();
            var tokens = new TokenBuffer();
            foreach (var field in fields)
            {
                featurizer.Analyzer.Analyze(field, tokens);
                for (var n = 1; n <= 2; n++)
                    for (var i = 0; i + n <= tokens.Count; i++)
                        if (vocabulary.IdOf(tokens.Range(i, n)) is var id and >= 0) ids.Add(id);
            }
            return ids.ToArray();
        }).ToArray();
    }

    private static void AssertSortsLikeArraySort(int[] ids)
    {
        var expected = (int[])ids.Clone();
        Array.Sort(expected);
        var actual = (int[])ids.Clone();
        IdSort.Sort(actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Real_document_ids_sort_as_the_library_sorts_them()
    {
        var documents = DocumentIds();
        // The radix path ran: papers longer than the cut-over, ids wider than one digit (two passes).
        Assert.True(documents.Count(d => d.Length >= IdSort.RadixFrom) > 50);
        Assert.True(documents.Max(d => d.Max()) >= 1 << 11);
        foreach (var ids in documents) AssertSortsLikeArraySort(ids);
        // All papers' ids as one long span, and folded into one digit (the one-pass path).
        var all = documents.SelectMany(d => d).ToArray();
        AssertSortsLikeArraySort(all);
        AssertSortsLikeArraySort(all.Select(id => id & 2047).ToArray());
        // Every length around the cut-over.
        for (var length = 0; length <= 2 * IdSort.RadixFrom; length++) AssertSortsLikeArraySort(all[..length]);
    }

    [Fact]
    public void Ids_outside_its_range_fall_back_to_the_library_sort()
    {
        var ids = DocumentIds().SelectMany(d => d).Take(500).ToArray();
        // A miss (-1) among the ids, and ids wider than two 11-bit digits.
        AssertSortsLikeArraySort([.. ids, -1, .. ids]);
        AssertSortsLikeArraySort(ids.Select(id => id << 10).ToArray());
        AssertSortsLikeArraySort(ids.Select(id => int.MaxValue - id).ToArray());
        AssertSortsLikeArraySort(new int[300]);
    }
}
