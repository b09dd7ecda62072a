using TopicModel.ML.Sparse;
using TopicModel.ML.Text;

namespace TopicModel.ML.Tests.Text;

/// <summary>Exact feature values on tiny corpora computed by hand.</summary>
public class TextFeaturizerValueTests
{
    private const int Precision = 5;

    // Raw values: unigrams, every term kept, plain tf, no normalization; tests switch on one thing at a time.
    private static readonly TextFeaturizerOptions Raw = new()
    {
        MaxWordNgramLength = 1,
        MinDocumentCount = 1,
        SublinearTf = false,
        NormalizeFields = false,
        NormalizeTotal = false,
    };

    private static readonly string[][] GraphCorpus = [["graph graph network"], ["network learning"]];

    internal static Dictionary<string, float> Named(FittedTextFeaturizer featurizer, SparseVector vector) =>
        vector.Indices.Select((index, k) => (featurizer.FeatureName(index), vector.Values[k])).ToDictionary();

    private static Dictionary<string, float> Featurize(TextFeaturizerOptions options, string[][] corpus, params string[] fields)
    {
        var featurizer = new TextFeaturizer(options).Fit(corpus);
        return Named(featurizer, featurizer.Transform(fields));
    }

    private static void AssertValues(Dictionary<string, double> expected, Dictionary<string, float> actual)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (name, value) in expected)
            Assert.Equal(value, actual[name], Precision);
    }

    private static double Idf(int df, int n) => Math.Log((1.0 + n) / (1.0 + df)) + 1.0;

    [Fact]
    public void Tf_counts_terms()
    {
        var values = Featurize(Raw with { Weighting = TermWeighting.Tf }, GraphCorpus, "graph graph network");
        AssertValues(new() { ["graph"] = 2, ["network"] = 1 }, values);
    }

    [Fact]
    public void Sublinear_tf_is_one_plus_log()
    {
        var values = Featurize(Raw with { Weighting = TermWeighting.Tf, SublinearTf = true }, GraphCorpus, "graph graph network");
        AssertValues(new() { ["graph"] = 1 + Math.Log(2), ["network"] = 1 }, values);
    }

    [Fact]
    public void Idf_is_smoothed_and_ignores_counts()
    {
        var values = Featurize(Raw with { Weighting = TermWeighting.Idf }, GraphCorpus, "graph graph network");
        AssertValues(new() { ["graph"] = Idf(1, 2), ["network"] = Idf(2, 2) }, values);
        Assert.Equal(1.0, values["network"], Precision);
    }

    [Fact]
    public void Tf_idf_multiplies_and_l2_normalizes()
    {
        var graph = 2 * Idf(1, 2);
        var network = Idf(2, 2);
        AssertValues(new() { ["graph"] = graph, ["network"] = network },
            Featurize(Raw with { Weighting = TermWeighting.TfIdf }, GraphCorpus, "graph graph network"));

        var norm = Math.Sqrt(graph * graph + network * network);
        AssertValues(new() { ["graph"] = graph / norm, ["network"] = network / norm },
            Featurize(Raw with { NormalizeTotal = true }, GraphCorpus, "graph graph network"));
    }

    [Fact]
    public void Word_bigrams_join_adjacent_tokens_after_stop_word_removal()
    {
        var options = Raw with { MaxWordNgramLength = 2, Weighting = TermWeighting.Tf };
        var values = Featurize(options, [["the graph of the graph network"]], "the graph of the graph network");
        AssertValues(new() { ["graph"] = 2, ["network"] = 1, ["graph graph"] = 1, ["graph network"] = 1 }, values);
    }

    [Fact]
    public void Bigrams_alone_when_minimum_length_is_two()
    {
        var options = Raw with { MinWordNgramLength = 2, MaxWordNgramLength = 2, Weighting = TermWeighting.Tf };
        AssertValues(new() { ["deep graph"] = 1, ["graph learning"] = 1 },
            Featurize(options, [["deep graph learning"]], "deep graph learning"));
    }

    [Fact]
    public void Char_ngrams_frame_each_word_with_boundary_markers()
    {
        var options = Raw with { CharNgrams = true, MinCharNgramLength = 3, MaxCharNgramLength = 5, Weighting = TermWeighting.Tf };
        var values = Featurize(options, [["cat 42"]], "cat 42");
        AssertValues(new()
        {
            ["cat"] = 1,
            ["'<ca'"] = 1, ["'cat'"] = 1, ["'at>'"] = 1,
            ["'<cat'"] = 1, ["'cat>'"] = 1,
            ["'<cat>'"] = 1,
        }, values);
    }

    [Fact]
    public void Repeated_char_ngrams_are_counted()
    {
        var options = Raw with { CharNgrams = true, MinCharNgramLength = 2, MaxCharNgramLength = 2, Weighting = TermWeighting.Tf };
        var values = Featurize(options, [["aaa"]], "aaa");
        AssertValues(new() { ["aaa"] = 1, ["'<a'"] = 1, ["'aa'"] = 2, ["'a>'"] = 1 }, values);
    }

    [Fact]
    public void Numbers_can_become_one_token()
    {
        var replace = Raw with { Weighting = TermWeighting.Tf, Normalization = new TextNormalizationOptions { Numbers = NumberHandling.Replace } };
        AssertValues(new() { ["trained"] = 1, ["<num>"] = 2, ["gpus"] = 1 },
            Featurize(replace, [["trained on 8 GPUs in 2023"]], "trained on 8 GPUs in 2023"));
        AssertValues(new() { ["trained"] = 1, ["gpus"] = 1 },
            Featurize(Raw with { Weighting = TermWeighting.Tf }, [["trained on 8 GPUs in 2023"]], "trained on 8 GPUs in 2023"));
    }

    [Fact]
    public void Case_and_diacritics_do_not_split_features()
    {
        var featurizer = new TextFeaturizer(Raw).Fit([["Café résumé"]]);
        var folded = featurizer.Transform("cafe resume");
        Assert.Equal(2, folded.Count);
        Assert.Equal(folded.Values, featurizer.Transform("CAFÉ RÉSUMÉ").Values);
        Assert.Equal(folded.Indices, featurizer.Transform("CAFÉ RÉSUMÉ").Indices);
    }

    [Fact]
    public void Unseen_terms_are_dropped_in_dictionary_mode_and_kept_by_hashing()
    {
        var dictionary = new TextFeaturizer(Raw).Fit(GraphCorpus);
        Assert.Equal(0, dictionary.Transform("transformer attention").Count);
        Assert.Equal(0, dictionary.Transform("").Count);

        var hashing = new TextFeaturizer(Raw with { TermSpace = TermSpace.Hashing, HashBits = 12 }).Fit(GraphCorpus);
        var unseen = hashing.Transform("transformer attention");
        Assert.Equal(2, unseen.Count);
        // An unseen term has df 0, so the largest idf.
        Assert.All(unseen.Values, v => Assert.Equal(Idf(0, 2), v, Precision));
    }

    [Fact]
    public void Minimum_document_count_drops_rare_terms()
    {
        var featurizer = new TextFeaturizer(Raw with { MinDocumentCount = 2 }).Fit(GraphCorpus);
        Assert.Equal(1, featurizer.Dimension);
        Assert.Equal("network", featurizer.FeatureName(0));
    }

    [Fact]
    public void Field_blocks_are_weighted_normalized_and_named()
    {
        var options = Raw with
        {
            Weighting = TermWeighting.Tf,
            NormalizeFields = true,
            FieldWeights = [2f, 1f],
            FieldNames = ["title", "abstract"],
        };
        var corpus = new[] { new[] { "graph networks", "graph graph learning" } };
        var featurizer = new TextFeaturizer(options).Fit(corpus);
        Assert.Equal(4, featurizer.Dimension);
        var values = Featurize(options, corpus, corpus[0]);
        var s2 = 2 / Math.Sqrt(2);
        AssertValues(new()
        {
            ["title/graph"] = s2, ["title/networks"] = s2,
            ["abstract/graph"] = 2 / Math.Sqrt(5), ["abstract/learning"] = 1 / Math.Sqrt(5),
        }, values);
    }

    [Fact]
    public void Pooled_fields_share_one_block_but_not_n_grams_across_fields()
    {
        var options = Raw with { SeparateFields = false, MaxWordNgramLength = 2, Weighting = TermWeighting.Tf };
        var corpus = new[] { new[] { "graph networks", "graph learning" } };
        AssertValues(new() { ["graph"] = 2, ["networks"] = 1, ["learning"] = 1, ["graph networks"] = 1, ["graph learning"] = 1 },
            Featurize(options, corpus, corpus[0]));
    }

    [Fact]
    public void Hash_buckets_are_named_after_their_most_frequent_term()
    {
        // Two buckets for six terms: "network" (3 occurrences) must name its bucket whatever collides with it.
        var options = Raw with { TermSpace = TermSpace.Hashing, HashBits = 1 };
        var featurizer = new TextFeaturizer(options).Fit([["network network graph attention"], ["network learning model transformer"]]);
        Assert.Equal(2, featurizer.Dimension);
        Assert.Equal("network", featurizer.FeatureName(featurizer.Transform("network").Indices[0]));
    }

    [Fact]
    public void Feature_names_outside_the_dimension_are_rejected()
    {
        var featurizer = new TextFeaturizer(Raw).Fit(GraphCorpus);
        Assert.Throws<ArgumentOutOfRangeException>(() => featurizer.FeatureName(featurizer.Dimension));
        Assert.Throws<ArgumentOutOfRangeException>(() => featurizer.FeatureName(-1));
    }

    [Fact]
    public void Single_string_transform_equals_one_field_transform()
    {
        var featurizer = new TextFeaturizer().Fit([["graph network"], ["graph learning"]]);
        Assert.Equal(featurizer.Transform(["graph network"]).Values, featurizer.Transform("graph network").Values);
        Assert.Equal(featurizer.Transform(["graph network"]).Indices, featurizer.Transform("graph network").Indices);
    }
}
