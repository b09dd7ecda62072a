using TopicModel.ML.Text;

namespace TopicModel.ML.Tests.Text;

public class VocabularyTests
{
    private static VocabularyBuilder Count(params string[] documents)
    {
        var analyzer = new TokenAnalyzer();
        var tokens = new TokenBuffer();
        var builder = new VocabularyBuilder();
        foreach (var document in documents)
        {
            analyzer.Analyze(document, tokens);
            builder.AddDocument(tokens);
        }
        return builder;
    }

    [Fact]
    public void Ids_follow_document_frequency_then_ordinal_order()
    {
        var vocabulary = Count("graph graph network", "network learning", "zebra network learning").Build();
        Assert.Equal(["network", "learning", "graph", "zebra"], vocabulary.Terms);
        Assert.Equal(3, vocabulary.DocumentFrequency(0));
        Assert.Equal(1, vocabulary.DocumentFrequency(2));
        Assert.Equal(3, vocabulary.DocumentCount);
        Assert.True(vocabulary.TryGetId("learning".AsSpan(), out var id));
        Assert.Equal(1, id);
        Assert.Equal(-1, vocabulary.IdOf("missing"));
    }

    /// <summary>The look-up table is built on first use (scoring never uses it), so a damaged file's repeated term is found then.</summary>
    [Fact]
    public void A_saved_vocabulary_with_a_term_twice_fails_at_its_first_look_up_naming_the_term()
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(1); // format version
            w.Write(3); // documents
            w.Write(2); // terms
            w.Write("graph");
            w.Write(2);
            w.Write("graph");
            w.Write(1);
        }
        stream.Position = 0;
        var vocabulary = Vocabulary.Load(new BinaryReader(stream));

        Assert.Equal(["graph", "graph"], vocabulary.Terms);
        var error = Assert.Throws<TopicModelException>(() => vocabulary.IdOf("graph"));
        Assert.Contains("'graph' appears twice", error.Message);
    }

    [Fact]
    public void Minimum_document_count_and_maximum_size_prune()
    {
        var builder = Count("graph graph network", "network learning", "zebra network learning");
        Assert.Equal(["network", "learning"], builder.Build(minDocumentCount: 2).Terms);
        Assert.Equal(["network"], builder.Build(maxSize: 1).Terms);
    }

    [Fact]
    public void Save_and_load_round_trip()
    {
        var vocabulary = Count("graph network", "network learning").Build();
        using var stream = new MemoryStream();
        vocabulary.Save(new BinaryWriter(stream));
        stream.Position = 0;
        var loaded = Vocabulary.Load(new BinaryReader(stream));
        Assert.Equal(vocabulary.Terms, loaded.Terms);
        Assert.Equal(vocabulary.DocumentCount, loaded.DocumentCount);
        Assert.Equal(Enumerable.Range(0, vocabulary.Count).Select(vocabulary.DocumentFrequency),
            Enumerable.Range(0, loaded.Count).Select(loaded.DocumentFrequency));
    }

    [Fact]
    public void Truncated_vocabulary_fails_clearly()
    {
        using var stream = new MemoryStream();
        Count("graph network", "network learning").Build().Save(new BinaryWriter(stream));
        var bytes = stream.ToArray()[..^3];
        var error = Assert.Throws<TopicModelException>(() => Vocabulary.Load(new BinaryReader(new MemoryStream(bytes))));
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Bad_build_options_fail_clearly()
    {
        Assert.Throws<TopicModelException>(() => Count("a b").Build(minDocumentCount: 0));
    }
}
