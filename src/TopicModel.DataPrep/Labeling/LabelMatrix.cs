using TopicModel.ML;

namespace TopicModel.DataPrep.Labeling;

/// <summary>
/// The votes of every labeling function on every paper (Snorkel's label matrix): row = paper,
/// column = function, value = class index or <see cref="Abstain"/>. Row-major so one paper's votes
/// are contiguous. Immutable: the arrays are owned by the matrix.
/// </summary>
public sealed class LabelMatrix
{
    public const int Abstain = -1;

    private readonly int[] _votes;
    private readonly int[] _hits;

    /// <param name="votes">papers × functions, row-major, class index or -1.</param>
    /// <param name="hits">Keyword hits behind each vote (0 where abstaining); weighs majority votes.</param>
    /// <param name="fallbackClass">Class for papers no function covers, or -1 to leave them unlabeled.</param>
    public LabelMatrix(
        IReadOnlyList<string> paperIds,
        IReadOnlyList<string> functionNames,
        IReadOnlyList<double> functionWeights,
        IReadOnlyList<string> classNames,
        int[] votes,
        int[] hits,
        IReadOnlyList<PaperEvidence> evidence,
        int fallbackClass)
    {
        var n = paperIds.Count;
        var m = functionNames.Count;
        if (classNames.Count < 2)
            throw new TopicModelException($"a label matrix needs at least two classes, got {classNames.Count}");
        if (functionWeights.Count != m)
            throw new TopicModelException($"{m} functions but {functionWeights.Count} function weights");
        if (votes.Length != n * m || hits.Length != n * m)
            throw new TopicModelException($"a label matrix of {n} papers × {m} functions needs {n * m} votes and hits, got {votes.Length} and {hits.Length}");
        if (evidence.Count != n)
            throw new TopicModelException($"{n} papers but evidence for {evidence.Count}");
        if (fallbackClass < Abstain || fallbackClass >= classNames.Count)
            throw new TopicModelException($"fallback class {fallbackClass} is outside the {classNames.Count} classes");
        for (var j = 0; j < m; j++)
        {
            if (!double.IsFinite(functionWeights[j]) || functionWeights[j] <= 0)
                throw new TopicModelException($"function '{functionNames[j]}' has weight {functionWeights[j]}; weights must be positive");
        }
        if (new HashSet<string>(functionNames, StringComparer.Ordinal).Count != m)
            throw new TopicModelException("labeling function names must be unique");
        for (var k = 0; k < votes.Length; k++)
        {
            if (votes[k] < Abstain || votes[k] >= classNames.Count)
                throw new TopicModelException(
                    $"paper {k / m} ('{paperIds[k / m]}'), function '{functionNames[k % m]}': vote {votes[k]} is neither -1 (abstain) nor one of the {classNames.Count} classes");
            if (votes[k] == Abstain ? hits[k] != 0 : hits[k] < 1)
                throw new TopicModelException($"paper {k / m}, function '{functionNames[k % m]}': {hits[k]} hits do not fit vote {votes[k]} (an abstain has 0 hits, a vote at least 1)");
        }
        PaperIds = paperIds;
        FunctionNames = functionNames;
        FunctionWeights = functionWeights;
        ClassNames = classNames;
        Evidence = evidence;
        FallbackClass = fallbackClass;
        _votes = votes;
        _hits = hits;
    }

    /// <summary>A matrix from raw votes (every vote one hit, unit weights, no evidence): for simulations and tests.</summary>
    public static LabelMatrix FromVotes(int[,] votes, IReadOnlyList<string> classNames, int fallbackClass = Abstain)
    {
        var n = votes.GetLength(0);
        var m = votes.GetLength(1);
        var flat = new int[n * m];
        var hits = new int[n * m];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                flat[i * m + j] = votes[i, j];
                hits[i * m + j] = votes[i, j] == Abstain ? 0 : 1;
            }
        }
        var ids = Enumerable.Range(0, n).Select(i => $"p{i}").ToArray();
        return new LabelMatrix(
            ids,
            Enumerable.Range(0, m).Select(j => $"lf{j}").ToArray(),
            Enumerable.Repeat(1.0, m).ToArray(),
            classNames,
            flat,
            hits,
            ids.Select(PaperEvidence.None).ToArray(),
            fallbackClass);
    }

    public int PaperCount => PaperIds.Count;
    public int FunctionCount => FunctionNames.Count;
    public int ClassCount => ClassNames.Count;

    public IReadOnlyList<string> PaperIds { get; }
    public IReadOnlyList<string> FunctionNames { get; }
    public IReadOnlyList<double> FunctionWeights { get; }
    /// <summary>Class (topic) ids; a vote is an index into this list.</summary>
    public IReadOnlyList<string> ClassNames { get; }
    public IReadOnlyList<PaperEvidence> Evidence { get; }
    public int FallbackClass { get; }

    public int Vote(int paper, int function) => _votes[paper * FunctionCount + function];

    public int Hits(int paper, int function) => _hits[paper * FunctionCount + function];

    /// <summary>One paper's votes, one per function.</summary>
    public ReadOnlySpan<int> Votes(int paper) => _votes.AsSpan(paper * FunctionCount, FunctionCount);

    public ReadOnlySpan<int> HitsOf(int paper) => _hits.AsSpan(paper * FunctionCount, FunctionCount);

    /// <summary>True when at least one function voted on the paper.</summary>
    public bool IsCovered(int paper)
    {
        foreach (var v in Votes(paper))
        {
            if (v != Abstain) return true;
        }
        return false;
    }

    public IReadOnlyList<string> FiredFunctions(int paper)
    {
        var row = Votes(paper);
        var fired = new List<string>();
        for (var j = 0; j < row.Length; j++)
        {
            if (row[j] != Abstain) fired.Add(FunctionNames[j]);
        }
        return fired;
    }
}
