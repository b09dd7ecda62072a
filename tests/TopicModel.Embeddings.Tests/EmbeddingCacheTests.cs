namespace TopicModel.Embeddings.Tests;

public sealed class EmbeddingCacheTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("embedding-cache").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void ASecondRunReadsEveryVectorFromTheCacheAndGetsTheSameBytes()
    {
        var encoder = SentenceEncoderCatalog.Open("MiniLM", _root);
        var texts = ForwardAbstracts.Take(6).Select(p => p.Title + "\n" + p.Abstract).ToArray();
        var first = encoder.Embed(texts);

        var files = Directory.GetFiles(encoder.Cache!.Directory, "*.f32", SearchOption.AllDirectories);
        Assert.Equal(texts.Length, files.Length);
        Assert.Contains(encoder.ModelHash[..16], encoder.Cache.Directory);
        Assert.Empty(Directory.GetFiles(_root, "*.tmp", SearchOption.AllDirectories));

        // The cached vectors are what the second run gets: plant a marker in one file and read it back.
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.True(encoder.Cache.TryGet(texts[i], out var cached));
            Assert.Equal(first[i], cached);
        }
        var marked = (float[])first[0].Clone();
        marked[0] = 42f;
        encoder.Cache.Put(texts[0], marked);
        Assert.Equal(42f, encoder.Embed(texts)[0][0]);
    }

    [Fact]
    public void AFileOfTheWrongSizeIsRecomputedNotTrusted()
    {
        var encoder = SentenceEncoderCatalog.Open("MiniLM", _root);
        var text = ForwardAbstracts.Take(1)[0].Abstract;
        var vector = encoder.Embed(text);
        var file = Directory.GetFiles(encoder.Cache!.Directory, "*.f32", SearchOption.AllDirectories).Single();
        File.WriteAllBytes(file, new byte[10]);

        Assert.False(encoder.Cache.TryGet(text, out _));
        Assert.Equal(vector, encoder.Embed(text));
        Assert.Equal(encoder.Dimension * sizeof(float), new FileInfo(file).Length);
    }

    [Fact]
    public void ConcurrentWritersOfTheSameTextsLeaveWholeFiles()
    {
        var cache = new EmbeddingCache(Path.Combine(_root, "race"), 384);
        var vectors = Enumerable.Range(0, 50).Select(i => Enumerable.Range(0, 384).Select(d => (float)(i * 1000 + d)).ToArray()).ToArray();
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < vectors.Length; i++) cache.Put($"text {i}", vectors[i]);
        });
        for (var i = 0; i < vectors.Length; i++)
        {
            Assert.True(cache.TryGet($"text {i}", out var read));
            Assert.Equal(vectors[i], read);
        }
        Assert.Empty(Directory.GetFiles(_root, "*.tmp", SearchOption.AllDirectories));
    }
}
