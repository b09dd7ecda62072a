using TopicModel.ML.Sparse;
using TopicModel.ML.Text;

namespace TopicModel.ML.Tests.Text;

/// <summary>The featurizer on the real held-out digest: dimensions, determinism, persistence, threads, errors.</summary>
public class TextFeaturizerTests
{
    private static readonly TextFeaturizerOptions Dictionary = new() { FieldNames = ["title", "abstract"] };

    private static readonly TextFeaturizerOptions Hashing = new()
    {
        TermSpace = TermSpace.Hashing,
        HashBits = 16,
        CharNgrams = true,
        FieldWeights = [1.5f, 1f],
    };

    private static string[][] Papers => DigestTestData.HeldOutPapers;

    public static TheoryData<string> Modes => ["dictionary", "hashing"];

    private static TextFeaturizerOptions OptionsFor(string mode) => mode == "hashing" ? Hashing : Dictionary;

    private static byte[] SaveBytes(FittedTextFeaturizer featurizer)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream)) featurizer.Save(writer);
        return stream.ToArray();
    }

    private static FittedTextFeaturizer LoadBytes(byte[] bytes) =>
        FittedTextFeaturizer.Load(new BinaryReader(new MemoryStream(bytes)));

    private static void AssertSameVector(SparseVector expected, SparseVector actual)
    {
        Assert.Equal(expected.Dimension, actual.Dimension);
        Assert.Equal(expected.Indices, actual.Indices);
        Assert.Equal(expected.Values, actual.Values);
    }

    [Fact]
    public void Held_out_digest_has_all_its_papers()
    {
        Assert.Equal(112, Papers.Length);
        Assert.All(Papers, paper => Assert.True(paper[1].Length > paper[0].Length, $"abstract shorter than title: {paper[0]}"));
    }

    [Fact]
    public void Real_digest_featurizes_into_a_sensible_dictionary_space()
    {
        var featurizer = new TextFeaturizer(Dictionary).Fit(Papers);
        var names = Enumerable.Range(0, featurizer.Dimension).Select(featurizer.FeatureName).ToHashSet();

        Assert.InRange(featurizer.Dimension, 1_000, 50_000);
        Assert.Contains("abstract/language models", names);
        Assert.Contains("title/language models", names);
        Assert.DoesNotContain("abstract/the", names);
        Assert.DoesNotContain(names, name => name.Any(char.IsUpper));

        var vocabulary = featurizer.WordVocabulary(1)!;
        Assert.True(vocabulary.DocumentFrequency(0) > Papers.Length / 2, $"most frequent abstract term '{vocabulary.Term(0)}' is rare");

        foreach (var paper in Papers)
        {
            var vector = featurizer.Transform(paper);
            Assert.True(vector.Count > 20, $"only {vector.Count} features for '{paper[0]}'");
            Assert.Equal(1.0, Math.Sqrt(vector.Values.Sum(v => (double)v * v)), 5);
            Assert.All(vector.Values, v => Assert.True(v > 0));
        }
    }

    [Fact]
    public void Real_digest_featurizes_into_hash_buckets_with_readable_names()
    {
        var featurizer = new TextFeaturizer(Hashing).Fit(Papers);
        Assert.Equal(2 << 16, featurizer.Dimension);
        foreach (var paper in Papers)
        {
            var vector = featurizer.Transform(paper);
            Assert.True(vector.Count > 100, $"only {vector.Count} features for '{paper[0]}'");
            Assert.Contains(vector.Indices, i => i < 1 << 16);
            Assert.Contains(vector.Indices, i => i >= 1 << 16);
            // Every bucket a training paper hits was seen at fit time, so it has a term name.
            Assert.All(vector.Indices, i => Assert.DoesNotContain("hash#", featurizer.FeatureName(i)));
        }
        var top = featurizer.Transform(Papers[0]);
        var best = top.Indices[Array.IndexOf(top.Values, top.Values.Max())];
        Assert.StartsWith("f0/", featurizer.FeatureName(best));
    }

    [Fact]
    public void Hashing_and_dictionary_agree_where_no_terms_collide()
    {
        var corpus = Papers.Take(30).Select(p => new[] { p[0] }).ToArray();
        var common = new TextFeaturizerOptions { MinDocumentCount = 1 };
        var dictionary = new TextFeaturizer(common).Fit(corpus);
        var hashing = new TextFeaturizer(common with { TermSpace = TermSpace.Hashing, HashBits = 20 }).Fit(corpus);

        // As many named buckets as dictionary terms means no two training terms share a bucket.
        var namedBuckets = Enumerable.Range(0, hashing.Dimension).Count(i => !hashing.FeatureName(i).StartsWith("hash#"));
        Assert.Equal(dictionary.Dimension, namedBuckets);

        foreach (var document in corpus)
        {
            var expected = TextFeaturizerValueTests.Named(dictionary, dictionary.Transform(document));
            var actual = TextFeaturizerValueTests.Named(hashing, hashing.Transform(document));
            Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
            foreach (var (name, value) in expected) Assert.Equal(value, actual[name], 6);
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Two_fits_save_identical_bytes(string mode)
    {
        var first = SaveBytes(new TextFeaturizer(OptionsFor(mode)).Fit(Papers));
        var second = SaveBytes(new TextFeaturizer(OptionsFor(mode)).Fit(Papers));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Hash_seed_changes_the_feature_indices()
    {
        var a = new TextFeaturizer(Hashing).Fit(Papers).Transform(Papers[0]);
        var b = new TextFeaturizer(Hashing with { Seed = 7 }).Fit(Papers).Transform(Papers[0]);
        Assert.NotEqual(a.Indices, b.Indices);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Save_and_load_round_trip_gives_identical_vectors_and_names(string mode)
    {
        var featurizer = new TextFeaturizer(OptionsFor(mode)).Fit(Papers);
        var bytes = SaveBytes(featurizer);
        var loaded = LoadBytes(bytes);

        Assert.Equal(featurizer.Dimension, loaded.Dimension);
        Assert.Equal(featurizer.Options with { FieldWeights = null, FieldNames = null }, loaded.Options with { FieldWeights = null, FieldNames = null });
        Assert.Equal(bytes, SaveBytes(loaded));
        foreach (var paper in Papers) AssertSameVector(featurizer.Transform(paper), loaded.Transform(paper));
        var probe = featurizer.Transform(Papers[^1]).Indices;
        Assert.Equal(probe.Select(featurizer.FeatureName), probe.Select(loaded.FeatureName));
    }

    [Fact]
    public void Dictionary_save_is_compact()
    {
        var featurizer = new TextFeaturizer(Dictionary).Fit(Papers);
        Assert.True(SaveBytes(featurizer).Length < featurizer.Dimension * 40, "saved featurizer is larger than its terms warrant");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(11)]
    [InlineData(500)]
    [InlineData(-1)]
    public void Truncated_featurizer_fails_clearly(int keep)
    {
        var bytes = SaveBytes(new TextFeaturizer(Dictionary).Fit(Papers));
        var cut = bytes[..(keep >= 0 ? keep : bytes.Length + keep)];
        var error = Assert.Throws<TopicModelException>(() => LoadBytes(cut));
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Corrupted_featurizer_fails_clearly()
    {
        var bytes = SaveBytes(new TextFeaturizer(Dictionary).Fit(Papers));
        bytes[bytes.Length / 2] ^= 0x20;
        var error = Assert.Throws<TopicModelException>(() => LoadBytes(bytes));
        Assert.Contains("corrupted", error.Message);
    }

    [Fact]
    public void Foreign_or_newer_files_fail_clearly()
    {
        var bytes = SaveBytes(new TextFeaturizer(Dictionary).Fit(Papers));
        var foreign = (byte[])bytes.Clone();
        foreign[0] = (byte)'X';
        Assert.Contains("not a saved text featurizer", Assert.Throws<TopicModelException>(() => LoadBytes(foreign)).Message);
        var newer = (byte[])bytes.Clone();
        newer[4] = 99;
        Assert.Contains("format version 99", Assert.Throws<TopicModelException>(() => LoadBytes(newer)).Message);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Parallel_transforms_equal_serial_ones(string mode)
    {
        var featurizer = new TextFeaturizer(OptionsFor(mode)).Fit(Papers);
        var serial = Papers.Select(featurizer.Transform).ToArray();
        var work = Enumerable.Range(0, Papers.Length * 8).ToArray();
        var parallel = new SparseVector[work.Length];
        Parallel.ForEach(work, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = featurizer.Transform(Papers[i % Papers.Length]));
        for (var i = 0; i < work.Length; i++) AssertSameVector(serial[i % Papers.Length], parallel[i]);

        var all = featurizer.TransformAll(Papers);
        for (var i = 0; i < Papers.Length; i++) AssertSameVector(serial[i], all[i]);
    }

    [Fact]
    public void Documents_must_all_have_the_fitted_number_of_fields()
    {
        var featurizer = new TextFeaturizer().Fit(Papers);
        Assert.Contains("got 1 fields", Assert.Throws<TopicModelException>(() => featurizer.Transform(["only a title"])).Message);
        var ragged = Papers.Take(3).Append(["lonely title"]).ToArray();
        Assert.Contains("document 3 has 1 fields", Assert.Throws<TopicModelException>(() => new TextFeaturizer().Fit(ragged)).Message);
        Assert.Throws<TopicModelException>(() => new TextFeaturizer().Fit([]));
    }

    [Fact]
    public void Null_fields_count_as_empty()
    {
        var featurizer = new TextFeaturizer(Dictionary).Fit(Papers);
        var titleOnly = featurizer.Transform([Papers[0][0], null!]);
        Assert.True(titleOnly.Count > 0);
        Assert.All(titleOnly.Indices, i => Assert.StartsWith("title/", featurizer.FeatureName(i)));
    }

    public static TheoryData<TextFeaturizerOptions, string> BadOptions => new()
    {
        { new TextFeaturizerOptions { MinWordNgramLength = 0 }, "word n-gram" },
        { new TextFeaturizerOptions { MaxWordNgramLength = 0 }, "word n-gram" },
        { new TextFeaturizerOptions { CharNgrams = true, MinCharNgramLength = 4, MaxCharNgramLength = 3 }, "char n-gram" },
        { new TextFeaturizerOptions { HashBits = 0 }, "hash bits" },
        { new TextFeaturizerOptions { HashBits = 40 }, "hash bits" },
        { new TextFeaturizerOptions { MinDocumentCount = 0 }, "minimum document count" },
        { new TextFeaturizerOptions { MaxVocabularySize = 0 }, "maximum vocabulary size" },
        { new TextFeaturizerOptions { FieldWeights = [1f] }, "1 field weights given for 2 fields" },
        { new TextFeaturizerOptions { FieldWeights = [1f, -1f] }, "field weight 1" },
        { new TextFeaturizerOptions { SeparateFields = false, FieldWeights = [1f, 1f] }, "separate fields" },
        { new TextFeaturizerOptions { FieldNames = ["a", "a"] }, "distinct" },
        { new TextFeaturizerOptions { Weighting = (TermWeighting)9 }, "weighting" },
        { new TextFeaturizerOptions { Normalization = new TextNormalizationOptions { Numbers = (NumberHandling)9 } }, "number handling" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Bad_options_fail_clearly(TextFeaturizerOptions options, string expected)
    {
        var error = Assert.Throws<TopicModelException>(() => new TextFeaturizer(options).Fit(Papers));
        Assert.Contains(expected, error.Message);
    }
}
