using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace TopicModel.Embeddings;

/// <summary>
/// Sentence vectors on disk, one small file per text, so a search or a repeated <c>train</c>/<c>run</c> embeds each
/// paper once. One folder per encoder and model hash (<see cref="SentenceEncoder.ModelHash"/>); a file is named by the
/// SHA-256 of the text and holds <c>dimension</c> little-endian floats. Safe under concurrent runs: a file is written
/// under a unique temporary name and renamed into place, so a reader sees a whole vector or none, and two writers of
/// the same text write the same bytes. A file of the wrong size is treated as missing. The cache only saves time:
/// a failure to write it is ignored.
/// </summary>
public sealed class EmbeddingCache
{
    public EmbeddingCache(string directory, int dimension)
    {
        Directory = directory;
        Dimension = dimension;
    }

    /// <summary>The folder of this encoder's vectors.</summary>
    public string Directory { get; }
    public int Dimension { get; }

    /// <summary>
    /// Where caches live unless a caller says otherwise: <c>$TOPICMODEL_CACHE</c>, else <c>$XDG_CACHE_HOME/topicmodel</c>,
    /// else <c>~/.cache/topicmodel</c>; vectors go under its <c>embeddings/</c> folder.
    /// </summary>
    public static string DefaultRoot
    {
        get
        {
            if (Environment.GetEnvironmentVariable("TOPICMODEL_CACHE") is { Length: > 0 } own) return own;
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var baseDirectory = xdg is { Length: > 0 } ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(baseDirectory, "topicmodel");
        }
    }

    /// <summary>The cache of one encoder under <paramref name="root"/>.</summary>
    public static EmbeddingCache For(string root, string encoderName, string modelHash, int dimension) =>
        new(Path.Combine(root, "embeddings", $"{encoderName}-{modelHash[..16]}"), dimension);

    public bool TryGet(string text, out float[] vector)
    {
        vector = [];
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(PathOf(text));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        if (bytes.Length != Dimension * sizeof(float)) return false;
        vector = new float[Dimension];
        for (var i = 0; i < vector.Length; i++) vector[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        return true;
    }

    public void Put(string text, ReadOnlySpan<float> vector)
    {
        if (vector.Length != Dimension) throw new ArgumentException($"expected {Dimension} values, got {vector.Length}", nameof(vector));
        var bytes = new byte[vector.Length * sizeof(float)];
        for (var i = 0; i < vector.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
        var path = PathOf(text);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temporary); } catch (Exception f) when (f is IOException or UnauthorizedAccessException) { }
        }
    }

    /// <summary>The file that holds (or would hold) the text's vector.</summary>
    public string PathOf(string text)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return Path.Combine(Directory, key[..2], key + ".f32");
    }
}
