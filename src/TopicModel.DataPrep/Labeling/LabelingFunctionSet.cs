using System.Buffers;
using TopicModel.DataPrep.Papers;
using TopicModel.DataPrep.Taxonomies;
using TopicModel.ML.Text;

namespace TopicModel.DataPrep.Labeling;

/// <summary>
/// The keyword labeling functions of a taxonomy, compiled for fast matching: per topic with
/// keywords, one function on the title and one on the abstract ("other" has none; it is the fallback).
/// Applying them tokenizes each field once; papers are processed in parallel, with identical output.
/// </summary>
public sealed class LabelingFunctionSet
{
    private readonly KeywordMatcher _titleMatcher;
    private readonly KeywordMatcher _abstractMatcher;
    private readonly int _fallbackClass;

    private LabelingFunctionSet(Taxonomy taxonomy, LabelingOptions options, IReadOnlyList<LabelingFunction> functions)
    {
        Taxonomy = taxonomy;
        Options = options;
        Functions = functions;
        _fallbackClass = options.FallbackTopic is null ? LabelMatrix.Abstain : taxonomy.IndexOf(options.FallbackTopic);
        _titleMatcher = Compile(PaperField.Title);
        _abstractMatcher = Compile(PaperField.Abstract);
    }

    public Taxonomy Taxonomy { get; }
    public LabelingOptions Options { get; }
    public IReadOnlyList<LabelingFunction> Functions { get; }

    public static LabelingFunctionSet FromTaxonomy(Taxonomy taxonomy, LabelingOptions? options = null)
    {
        options ??= new LabelingOptions();
        options.Validate(taxonomy);
        var functions = new List<LabelingFunction>();
        for (var t = 0; t < taxonomy.Topics.Count; t++)
        {
            var topic = taxonomy.Topics[t];
            if (topic.Keywords.Count == 0) continue;
            functions.Add(new LabelingFunction($"title:{topic.Id}", topic.Id, t, PaperField.Title, topic.Keywords, options.TitleWeight));
            functions.Add(new LabelingFunction($"abstract:{topic.Id}", topic.Id, t, PaperField.Abstract, topic.Keywords, 1.0));
        }
        return new LabelingFunctionSet(taxonomy, options, functions);
    }

    /// <summary>Votes, hit counts and evidence of every function on every paper.</summary>
    public LabelMatrix Apply(IReadOnlyList<Paper> papers)
    {
        var m = Functions.Count;
        var votes = new int[papers.Count * m];
        var hits = new int[papers.Count * m];
        var evidence = new PaperEvidence[papers.Count];
        Parallel.For(0, papers.Count, i =>
        {
            var rowHits = hits.AsSpan(i * m, m);
            evidence[i] = Explain(papers[i], rowHits);
            var rowVotes = votes.AsSpan(i * m, m);
            for (var j = 0; j < m; j++)
            {
                if (rowHits[j] >= Options.MinKeywordHits)
                {
                    rowVotes[j] = Functions[j].TopicIndex;
                }
                else
                {
                    rowVotes[j] = LabelMatrix.Abstain;
                    rowHits[j] = 0;
                }
            }
        });
        return new LabelMatrix(
            papers.Select(p => p.Id).ToArray(),
            Functions.Select(f => f.Name).ToArray(),
            Functions.Select(f => f.Weight).ToArray(),
            Taxonomy.Ids,
            votes,
            hits,
            evidence,
            _fallbackClass);
    }

    /// <summary>Every keyword hit in the paper's title and abstract, whether or not it reaches <see cref="LabelingOptions.MinKeywordHits"/>.</summary>
    public PaperEvidence Explain(Paper paper) => Explain(paper, new int[Functions.Count]);

    /// <summary>
    /// Counts each function's keyword hits on the paper into <paramref name="hitsPerFunction"/> (one slot per
    /// function, zeroed first), without recording the evidence: the fast path for featurizing rule votes.
    /// </summary>
    public void CountHits(Paper paper, Span<int> hitsPerFunction)
    {
        if (hitsPerFunction.Length != Functions.Count)
            throw new ArgumentException($"expected {Functions.Count} slots, got {hitsPerFunction.Length}", nameof(hitsPerFunction));
        hitsPerFunction.Clear();
        CountFolded(_titleMatcher, paper.Title, hitsPerFunction);
        CountFolded(_abstractMatcher, paper.Abstract, hitsPerFunction);
    }

    /// <summary>Every folded word form a keyword of either field is matched in.</summary>
    public IEnumerable<string> KeywordSurfaces => _titleMatcher.Surfaces.Union(_abstractMatcher.Surfaces, StringComparer.Ordinal);

    /// <summary>
    /// What a folded word token of the field stands for to the field's keyword matcher (null: no keyword word). Look each
    /// distinct word up once, then count hits from the looked-up tokens with <see cref="CountHits(ReadOnlySpan{int[]}, ReadOnlySpan{int[]}, Span{int})"/>.
    /// </summary>
    public int[]? KeywordWordIds(PaperField field, ReadOnlySpan<char> token) =>
        (field == PaperField.Title ? _titleMatcher : _abstractMatcher).WordIds(token);

    /// <summary>
    /// <see cref="CountHits(Paper, Span{int})"/> from the paper's word tokens (those of <see cref="WordTokenizer"/> over the folded
    /// text, in order) already looked up with <see cref="KeywordWordIds"/>: the same counts, without a second tokenization.
    /// </summary>
    public void CountHits(ReadOnlySpan<int[]?> titleTokens, ReadOnlySpan<int[]?> abstractTokens, Span<int> hitsPerFunction)
    {
        if (hitsPerFunction.Length != Functions.Count)
            throw new ArgumentException($"expected {Functions.Count} slots, got {hitsPerFunction.Length}", nameof(hitsPerFunction));
        hitsPerFunction.Clear();
        _titleMatcher.Count(titleTokens, hitsPerFunction);
        _abstractMatcher.Count(abstractTokens, hitsPerFunction);
    }

    /// <summary>Folds into a pooled buffer (the same characters as <see cref="TextNormalizer.Fold(string)"/>) and counts there.</summary>
    private static void CountFolded(KeywordMatcher matcher, string text, Span<int> hitsPerFunction)
    {
        var buffer = ArrayPool<char>.Shared.Rent(TextNormalizer.MaxFoldedLength(text.Length));
        try
        {
            matcher.Count(buffer.AsSpan(0, TextNormalizer.Fold(text, buffer)), hitsPerFunction);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Also counts the hits of each function into <paramref name="hitsPerFunction"/>.</summary>
    private PaperEvidence Explain(Paper paper, Span<int> hitsPerFunction)
    {
        var hits = new List<KeywordHit>();
        Collect(_titleMatcher, paper.Title, PaperField.Title, hits, hitsPerFunction);
        Collect(_abstractMatcher, paper.Abstract, PaperField.Abstract, hits, hitsPerFunction);
        return new PaperEvidence(paper.Id, hits);
    }

    private void Collect(KeywordMatcher matcher, string text, PaperField field, List<KeywordHit> hits, Span<int> hitsPerFunction)
    {
        foreach (var match in matcher.Find(TextNormalizer.Fold(text)))
        {
            var function = Functions[match.Function];
            hitsPerFunction[match.Function]++;
            hits.Add(new KeywordHit(function.Name, function.TopicId, field, match.Keyword, match.Text, match.TokenIndex));
        }
    }

    private KeywordMatcher Compile(PaperField field) =>
        new(Functions.Select((f, j) => (f, j))
            .Where(x => x.f.Field == field)
            .SelectMany(x => x.f.Keywords.Select(k => (x.j, k))));
}
