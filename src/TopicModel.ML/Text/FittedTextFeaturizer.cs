using System.Text;
using TopicModel.ML.Sparse;

namespace TopicModel.ML.Text;

/// <summary>
/// A fitted text featurizer: turns the fields of a document into one sparse vector. Immutable;
/// <see cref="Transform(ReadOnlySpan{string})"/> is thread-safe and allocates only the result (per-thread
/// scratch buffers are reused), so it can run on every core over millions of documents.
/// </summary>
public sealed class FittedTextFeaturizer
{
    private const uint Magic = 0x46544D54; // "TMTF" little-endian
    private const int FormatVersion = 1;

    [ThreadStatic] private static Scratch? t_scratch;

    private readonly FieldBlock[] _blocks;
    private readonly TokenAnalyzer _analyzer;

    internal FittedTextFeaturizer(TextFeaturizerOptions options, int fieldCount, int documentCount, FieldBlock[] blocks)
    {
        Options = options;
        FieldCount = fieldCount;
        DocumentCount = documentCount;
        _blocks = blocks;
        _analyzer = new TokenAnalyzer(options.Normalization);
        Dimension = blocks.Length == 0 ? 0 : blocks[^1].Offset + blocks[^1].Index.Size;
    }

    public TextFeaturizerOptions Options { get; }

    /// <summary>Number of text fields every document must have (as at fit time).</summary>
    public int FieldCount { get; }

    /// <summary>Number of documents the featurizer was fitted on.</summary>
    public int DocumentCount { get; }

    public int Dimension { get; }

    /// <summary>The analyzer that produced the word tokens, for components that need the same tokens.</summary>
    public TokenAnalyzer Analyzer => _analyzer;

    /// <summary>The word n-gram vocabulary of a field block in dictionary mode; null when hashing.</summary>
    public Vocabulary? WordVocabulary(int block) => (_blocks[block].Index as DictionaryTermIndex)?.Words;

    public SparseVector Transform(string[] fields) => Transform(fields.AsSpan());

    /// <summary>Featurizes a single-field document.</summary>
    public SparseVector Transform(string text) => Transform(new ReadOnlySpan<string>(in text));

    public SparseVector Transform(ReadOnlySpan<string> fields)
    {
        if (fields.Length != FieldCount)
            throw new TopicModelException($"text featurizer: got {fields.Length} fields, it was fitted on {FieldCount}");
        var scratch = t_scratch ??= new Scratch();
        var count = 0;
        foreach (var block in _blocks)
        {
            scratch.Ids.Clear();
            var sink = new LookupSink(block.Index, scratch.Ids);
            foreach (var f in block.Fields)
            {
                _analyzer.Analyze(fields[f], scratch.Tokens);
                TermEnumerator.Enumerate(scratch.Tokens, Options, ref scratch.CharScratch, ref sink);
            }
            count = AppendBlock(block, scratch.Ids.AsSpan(), scratch, count);
        }
        return Result(scratch, count);
    }

    /// <summary>
    /// Whether every feature is a word n-gram of a dictionary (no hashing, no char n-grams), so that a caller that has
    /// looked the n-grams up itself can use <see cref="FromTermIds"/>.
    /// </summary>
    public bool HasOnlyWordNgramDictionaries => Options.TermSpace == TermSpace.Dictionary && !Options.CharNgrams;

    /// <summary>Number of blocks of the vector: one per field with <see cref="TextFeaturizerOptions.SeparateFields"/>, else one.</summary>
    public int BlockCount => _blocks.Length;

    /// <summary>The fields (indexes into a document's fields) that make up a block, in order.</summary>
    public IReadOnlyList<int> BlockFields(int block) => _blocks[block].Fields;

    /// <summary>
    /// The same vector as <see cref="Transform(ReadOnlySpan{string})"/> from the word n-grams already looked up: per block b,
    /// the ids in <see cref="WordVocabulary"/>(b) of every n-gram occurrence (any order) are
    /// <paramref name="ids"/>[<paramref name="blockEnds"/>[b-1]..<paramref name="blockEnds"/>[b]). Sorts the ids in place.
    /// For <see cref="HasOnlyWordNgramDictionaries"/> featurizers.
    /// </summary>
    public SparseVector FromTermIds(Span<int> ids, ReadOnlySpan<int> blockEnds)
    {
        var count = FromTermIds(ids, blockEnds, out var scratch);
        return new SparseVector(Dimension, scratch.Indices.AsSpan(0, count).ToArray(), scratch.Values.AsSpan(0, count).ToArray());
    }

    /// <summary>
    /// <see cref="FromTermIds(Span{int}, ReadOnlySpan{int})"/> into the caller's buffers (at least <paramref name="ids"/>'
    /// length each), so that more blocks can follow before the one vector is made; returns the number of features.
    /// </summary>
    public int WriteFromTermIds(Span<int> ids, ReadOnlySpan<int> blockEnds, Span<int> indices, Span<float> values)
    {
        if (indices.Length < ids.Length || values.Length < ids.Length)
            throw new ArgumentException($"the buffers need room for {ids.Length} features");
        var features = FromTermIds(ids, blockEnds, out var scratch);
        scratch.Indices.AsSpan(0, features).CopyTo(indices);
        scratch.Values.AsSpan(0, features).CopyTo(values);
        return features;
    }

    private int FromTermIds(Span<int> ids, ReadOnlySpan<int> blockEnds, out Scratch scratch)
    {
        if (!HasOnlyWordNgramDictionaries)
            throw new InvalidOperationException("FromTermIds needs a featurizer whose features are all dictionary word n-grams");
        if (blockEnds.Length != _blocks.Length)
            throw new ArgumentException($"expected {_blocks.Length} block ends, got {blockEnds.Length}", nameof(blockEnds));
        scratch = t_scratch ??= new Scratch();
        var count = 0;
        var start = 0;
        for (var b = 0; b < _blocks.Length; b++)
        {
            count = AppendBlock(_blocks[b], ids[start..blockEnds[b]], scratch, count);
            start = blockEnds[b];
        }
        if (Options.NormalizeTotal)
        {
            var values = scratch.Values.AsSpan(0, count);
            Scale(values, InverseNorm(values));
        }
        return count;
    }

    private SparseVector Result(Scratch scratch, int count)
    {
        var indices = scratch.Indices.AsSpan(0, count).ToArray();
        var values = scratch.Values.AsSpan(0, count);
        if (Options.NormalizeTotal) Scale(values, InverseNorm(values));
        return new SparseVector(Dimension, indices, values.ToArray());
    }

    /// <summary>Featurizes many documents on all cores; the result is in input order.</summary>
    public SparseVector[] TransformAll(IReadOnlyList<string[]> documents)
    {
        var result = new SparseVector[documents.Count];
        Parallel.For(0, documents.Count, i => result[i] = Transform(documents[i]));
        return result;
    }

    /// <summary>
    /// The term behind a feature, prefixed by its field when there are several ("title/graph neural");
    /// char n-grams are quoted ("'&lt;gra'"). For a hash bucket: its most frequent training term.
    /// </summary>
    public string FeatureName(int index)
    {
        if ((uint)index >= (uint)Dimension)
            throw new ArgumentOutOfRangeException(nameof(index), $"feature {index} is outside 0..{Dimension - 1}");
        var block = _blocks[0];
        foreach (var b in _blocks)
        {
            if (b.Offset <= index) block = b;
        }
        var term = block.Index.FeatureTerm(index - block.Offset);
        return block.Name is null ? term : $"{block.Name}/{term}";
    }

    private int AppendBlock(FieldBlock block, Span<int> ids, Scratch scratch, int start)
    {
        IdSort.Sort(ids);
        scratch.EnsureOutput(start + ids.Length);
        var indices = scratch.Indices;
        var values = scratch.Values;
        var n = start;
        var sublinear = Options.SublinearTf;
        var weighting = Options.Weighting;
        for (var i = 0; i < ids.Length;)
        {
            var id = ids[i];
            var run = i;
            while (i < ids.Length && ids[i] == id) i++;
            var tf = i - run;
            var tfWeight = sublinear ? 1f + MathF.Log(tf) : tf;
            indices[n] = block.Offset + id;
            values[n] = weighting switch
            {
                TermWeighting.Tf => tfWeight,
                TermWeighting.Idf => block.Idf[id],
                _ => tfWeight * block.Idf[id],
            };
            n++;
        }
        var blockValues = values.AsSpan(start, n - start);
        var scale = Options.NormalizeFields ? InverseNorm(blockValues) * block.Weight : block.Weight;
        if (scale != 1f) Scale(blockValues, scale);
        return n;
    }

    private static float InverseNorm(ReadOnlySpan<float> values)
    {
        var norm = SparseMath.Norm(values);
        return norm > 0 ? 1f / norm : 1f;
    }

    private static void Scale(Span<float> values, float factor) =>
        System.Numerics.Tensors.TensorPrimitives.Multiply(values, factor, values);

    /// <summary>Which fields make up each block.</summary>
    internal static int[][] Layout(TextFeaturizerOptions options, int fieldCount) =>
        options.SeparateFields
            ? Enumerable.Range(0, fieldCount).Select(f => new[] { f }).ToArray()
            : [Enumerable.Range(0, fieldCount).ToArray()];

    internal static FieldBlock CreateBlock(TextFeaturizerOptions options, int[][] layout, int block, int offset, FieldTermIndex index, int documentCount)
    {
        var weight = options.FieldWeights?[block] ?? 1f;
        var name = options.FieldNames?[block] ?? (layout.Length > 1 ? $"f{block}" : null);
        return new FieldBlock(layout[block], offset, weight, name, index, documentCount);
    }

    /// <summary>
    /// Writes a compact, versioned, checksummed image: magic, version, payload length, payload,
    /// FNV-1a 64 checksum of the payload. Same featurizer, same bytes.
    /// </summary>
    public void Save(BinaryWriter writer)
    {
        using var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            WriteOptions(w, Options);
            w.Write(FieldCount);
            w.Write(DocumentCount);
            foreach (var block in _blocks) block.Index.Write(w);
        }
        var bytes = payload.ToArray();
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(bytes.Length);
        writer.Write(bytes);
        writer.Write(Fnv1a64(bytes));
    }

    public static FittedTextFeaturizer Load(BinaryReader reader)
    {
        byte[] bytes;
        try
        {
            if (reader.ReadUInt32() != Magic)
                throw new TopicModelException("not a saved text featurizer (bad magic number)");
            var version = reader.ReadInt32();
            if (version != FormatVersion)
                throw new TopicModelException($"saved text featurizer has format version {version}; this build reads {FormatVersion}");
            var length = reader.ReadInt32();
            if (length < 0) throw new TopicModelException($"saved text featurizer is corrupted: payload length {length}");
            // ReadBytes allocates the claimed length before reading; a damaged length must not size that buffer.
            IO.BinaryBounds.Count(reader, length, 1, "saved text featurizer is truncated: payload");
            bytes = reader.ReadBytes(length);
            if (bytes.Length != length) throw Truncated(null);
            if (reader.ReadUInt64() != Fnv1a64(bytes))
                throw new TopicModelException("saved text featurizer is corrupted: checksum mismatch");
        }
        catch (EndOfStreamException e)
        {
            throw Truncated(e);
        }

        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            var options = ReadOptions(r);
            var fieldCount = r.ReadInt32();
            var documentCount = r.ReadInt32();
            if (fieldCount < 1 || documentCount < 1)
                throw new TopicModelException($"saved text featurizer is corrupted: {fieldCount} fields, {documentCount} documents");
            options.ValidateFieldCount(fieldCount);
            var layout = Layout(options, fieldCount);
            var blocks = new FieldBlock[layout.Length];
            var offset = 0;
            for (var b = 0; b < layout.Length; b++)
            {
                FieldTermIndex index = options.TermSpace == TermSpace.Hashing
                    ? HashingTermIndex.Read(r, new TermHasher(options.HashBits, options.Seed), documentCount)
                    : DictionaryTermIndex.Read(r, documentCount);
                blocks[b] = CreateBlock(options, layout, b, offset, index, documentCount);
                offset = checked(offset + index.Size);
            }
            if (r.BaseStream.Position != r.BaseStream.Length)
                throw new TopicModelException("saved text featurizer is corrupted: trailing bytes");
            return new FittedTextFeaturizer(options, fieldCount, documentCount, blocks);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException or OverflowException)
        {
            throw new TopicModelException($"saved text featurizer is corrupted: {e.Message}", inner: e);
        }
    }

    private static TopicModelException Truncated(Exception? inner) => new("saved text featurizer is truncated", inner: inner);

    private static void WriteOptions(BinaryWriter w, TextFeaturizerOptions o)
    {
        var n = o.Normalization;
        w.Write(n.CaseFolding);
        w.Write(n.RemoveDiacritics);
        w.Write(n.KeepPunctuation);
        w.Write((int)n.Numbers);
        w.Write(n.RemoveStopWords);
        w.Write(o.MinWordNgramLength);
        w.Write(o.MaxWordNgramLength);
        w.Write(o.CharNgrams);
        w.Write(o.MinCharNgramLength);
        w.Write(o.MaxCharNgramLength);
        w.Write((int)o.TermSpace);
        w.Write(o.HashBits);
        w.Write(o.Seed);
        w.Write(o.MinDocumentCount);
        w.Write(o.MaxVocabularySize);
        w.Write((int)o.Weighting);
        w.Write(o.SublinearTf);
        w.Write(o.NormalizeFields);
        w.Write(o.NormalizeTotal);
        w.Write(o.SeparateFields);
        w.Write(o.FieldWeights?.Count ?? -1);
        foreach (var weight in o.FieldWeights ?? []) w.Write(weight);
        w.Write(o.FieldNames?.Count ?? -1);
        foreach (var name in o.FieldNames ?? []) w.Write(name);
    }

    private static TextFeaturizerOptions ReadOptions(BinaryReader r)
    {
        var normalization = new TextNormalizationOptions
        {
            CaseFolding = r.ReadBoolean(),
            RemoveDiacritics = r.ReadBoolean(),
            KeepPunctuation = r.ReadBoolean(),
            Numbers = (NumberHandling)r.ReadInt32(),
            RemoveStopWords = r.ReadBoolean(),
        };
        var options = new TextFeaturizerOptions
        {
            Normalization = normalization,
            MinWordNgramLength = r.ReadInt32(),
            MaxWordNgramLength = r.ReadInt32(),
            CharNgrams = r.ReadBoolean(),
            MinCharNgramLength = r.ReadInt32(),
            MaxCharNgramLength = r.ReadInt32(),
            TermSpace = (TermSpace)r.ReadInt32(),
            HashBits = r.ReadInt32(),
            Seed = r.ReadUInt32(),
            MinDocumentCount = r.ReadInt32(),
            MaxVocabularySize = r.ReadInt32(),
            Weighting = (TermWeighting)r.ReadInt32(),
            SublinearTf = r.ReadBoolean(),
            NormalizeFields = r.ReadBoolean(),
            NormalizeTotal = r.ReadBoolean(),
            SeparateFields = r.ReadBoolean(),
            FieldWeights = ReadList(r, static r => r.ReadSingle()),
            FieldNames = ReadList(r, static r => r.ReadString()),
        };
        options.Validate();
        return options;
    }

    private static T[]? ReadList<T>(BinaryReader r, Func<BinaryReader, T> read)
    {
        var count = r.ReadInt32();
        if (count == -1) return null;
        if (count < 0 || count > 1024) throw new TopicModelException($"saved text featurizer is corrupted: list of {count} field options");
        var list = new T[count];
        for (var i = 0; i < count; i++) list[i] = read(r);
        return list;
    }

    private static ulong Fnv1a64(ReadOnlySpan<byte> data)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in data)
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return hash;
    }

    private readonly struct LookupSink(FieldTermIndex index, IdList ids) : ITermSink
    {
        public void Add(ReadOnlySpan<char> term, bool isCharNgram)
        {
            var id = index.Lookup(term, isCharNgram);
            if (id >= 0) ids.Add(id);
        }
    }

    private sealed class IdList
    {
        private int[] _items = new int[512];
        private int _count;

        public void Clear() => _count = 0;

        public void Add(int id)
        {
            if (_count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
            _items[_count++] = id;
        }

        public Span<int> AsSpan() => _items.AsSpan(0, _count);
    }

    /// <summary>Per-thread buffers reused across calls so a transform allocates only its result.</summary>
    private sealed class Scratch
    {
        public readonly TokenBuffer Tokens = new();
        public readonly IdList Ids = new();
        public char[] CharScratch = new char[64];
        public int[] Indices = new int[512];
        public float[] Values = new float[512];

        public void EnsureOutput(int size)
        {
            if (Indices.Length >= size) return;
            var newSize = Math.Max(size, Indices.Length * 2);
            Array.Resize(ref Indices, newSize);
            Array.Resize(ref Values, newSize);
        }
    }
}
