using System.Numerics.Tensors;
using System.Security.Cryptography;
using System.Text;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;
using TopicModel.ML;

namespace TopicModel.Embeddings;

/// <summary>
/// A pretrained sentence encoder run locally with ONNX Runtime: BERT word pieces (Microsoft.ML.Tokenizers), the
/// transformer, then pooling (<see cref="EncoderSpec.Pooling"/>) and L2 normalisation, as sentence-transformers does.
/// Each text runs as its own sequence on one thread (intra-op threads 1, no padding), and a list of texts runs on all
/// cores, one text per core at a time. So a text's vector does not depend on the batch it comes in, its position, or
/// the thread count; and it is faster than padded batches (docs/benchmarks.md). Thread-safe.
/// </summary>
public sealed class SentenceEncoder : IDisposable
{
    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly string[] _inputs;
    private readonly string _output;

    internal SentenceEncoder(EncoderSpec spec, byte[] model, byte[] vocabulary, string? cacheRoot)
    {
        Spec = spec;
        ModelHash = Hash(spec, model, vocabulary);
        using (var stream = new MemoryStream(vocabulary, writable: false))
        {
            // bert-base-uncased word pieces: lower-cased, accents stripped, punctuation and CJK split.
            _tokenizer = BertTokenizer.Create(stream, new BertOptions { LowerCaseBeforeTokenization = true, RemoveNonSpacingMarks = true });
        }
        // One thread per sequence: the order of every floating-point sum is then fixed, which is what makes a vector
        // the same in any layout (ORT's deterministic-compute switch is not in its .NET API and concerns GPU kernels).
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = new InferenceSession(model, options);
        _inputs = _session.InputMetadata.Keys.ToArray();
        foreach (var name in _inputs)
        {
            if (name is not ("input_ids" or "attention_mask" or "token_type_ids"))
                throw new TopicModelException($"encoder {spec.Name}: the ONNX model has an input '{name}' this build does not feed");
        }
        _output = _session.OutputMetadata.ContainsKey("last_hidden_state")
            ? "last_hidden_state"
            : throw new TopicModelException($"encoder {spec.Name}: the ONNX model has no last_hidden_state output");
        Dimension = _session.OutputMetadata[_output].Dimensions[^1];
        Cache = cacheRoot is null ? null : EmbeddingCache.For(cacheRoot, spec.Name, ModelHash, Dimension);
    }

    public EncoderSpec Spec { get; }
    public string Name => Spec.Name;

    /// <summary>SHA-256 (hex) of the ONNX model, the vocabulary and the pooling and length settings: what makes a vector.</summary>
    public string ModelHash { get; }

    public int Dimension { get; }

    /// <summary>Where vectors are kept between runs, or null when they are not.</summary>
    public EmbeddingCache? Cache { get; }

    /// <summary>The text's unit-length sentence vector (from the cache when it is there).</summary>
    public float[] Embed(string text)
    {
        if (Cache is not null && Cache.TryGet(text, out var cached)) return cached;
        var vector = Compute(text);
        Cache?.Put(text, vector);
        return vector;
    }

    /// <summary>
    /// Every text's vector, in order, on <paramref name="maxDegreeOfParallelism"/> cores (default: all).
    /// <paramref name="progress"/> gets the number of texts done so far, now and then.
    /// </summary>
    public float[][] Embed(IReadOnlyList<string> texts, int maxDegreeOfParallelism = -1, Action<int>? progress = null, CancellationToken cancellation = default)
    {
        var vectors = new float[texts.Count][];
        var done = 0;
        Parallel.For(0, texts.Count,
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellation },
            i =>
            {
                vectors[i] = Embed(texts[i]);
                var n = Interlocked.Increment(ref done);
                if (n % 64 == 0) progress?.Invoke(n);
            });
        progress?.Invoke(texts.Count);
        return vectors;
    }

    /// <summary>Word-piece ids: [CLS], the text's pieces cut to fit <see cref="EncoderSpec.MaxTokens"/>, [SEP].</summary>
    public int[] Tokenize(string text)
    {
        var pieces = _tokenizer.EncodeToIds(text, addSpecialTokens: false);
        var kept = Math.Min(pieces.Count, Spec.MaxTokens - 2);
        var ids = new int[kept + 2];
        ids[0] = _tokenizer.ClassificationTokenId;
        for (var i = 0; i < kept; i++) ids[i + 1] = pieces[i];
        ids[^1] = _tokenizer.SeparatorTokenId;
        return ids;
    }

    private float[] Compute(string text)
    {
        var ids = Tokenize(text);
        var n = ids.Length;
        var tokenIds = new long[n];
        var mask = new long[n];
        for (var i = 0; i < n; i++)
        {
            tokenIds[i] = ids[i];
            mask[i] = 1;
        }
        var shape = new long[] { 1, n };
        using var idsValue = OrtValue.CreateTensorValueFromMemory(tokenIds, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[n], shape);
        var values = _inputs.Select(name => name switch
        {
            "input_ids" => idsValue,
            "attention_mask" => maskValue,
            _ => typesValue,
        }).ToArray();
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, _inputs, values, [_output]);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var vector = new float[Dimension];
        if (Spec.Pooling == Pooling.Cls)
        {
            hidden[..Dimension].CopyTo(vector);
        }
        else
        {
            for (var t = 0; t < n; t++) TensorPrimitives.Add(vector, hidden.Slice(t * Dimension, Dimension), vector);
            TensorPrimitives.Divide(vector, n, vector);
        }
        var norm = TensorPrimitives.Norm(vector);
        TensorPrimitives.Divide(vector, Math.Max(norm, 1e-12f), vector);
        return vector;
    }

    private static string Hash(EncoderSpec spec, byte[] model, byte[] vocabulary)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(model);
        sha.AppendData(vocabulary);
        sha.AppendData(Encoding.UTF8.GetBytes($"pooling={spec.Pooling};maxTokens={spec.MaxTokens}"));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public void Dispose() => _session.Dispose();
}
