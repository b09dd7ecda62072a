namespace TopicModel.ML.Trainers;

/// <summary>
/// Saves and loads fitted models by an explicit trainer tag. Loading dispatches on a fixed list of
/// known tags, never on a type name read from the file.
/// </summary>
public static class ModelSerializer
{
    private const int FormatVersion = 1;

    public static void Save(IMulticlassModel model, BinaryWriter writer)
    {
        writer.Write(FormatVersion);
        writer.Write(model.TrainerName);
        model.Save(writer);
    }

    public static IMulticlassModel Load(BinaryReader reader) => Load(reader, null);

    /// <param name="moreLoaders">Readers of models this project does not know (e.g. ML.NET's), by their tag.</param>
    public static IMulticlassModel Load(BinaryReader reader, IReadOnlyDictionary<string, Func<BinaryReader, IMulticlassModel>>? moreLoaders)
    {
        var version = reader.ReadInt32();
        if (version > FormatVersion)
            throw new TopicModelException($"model weights have format version {version}; this build reads up to {FormatVersion}");
        var tag = reader.ReadString();
        return tag switch
        {
            SdcaMaximumEntropy.TrainerName or LbfgsMaximumEntropy.TrainerName => MaximumEntropyModel.Load(reader, tag),
            NaiveBayes.TrainerName => NaiveBayesModel.Load(reader),
            OneVersusAll.TrainerName => OneVersusAllModel.Load(reader),
            FastTree.TrainerName => FastTreeModel.Load(reader),
            _ when moreLoaders is not null && moreLoaders.TryGetValue(tag, out var load) => load(reader),
            _ => throw new TopicModelException($"unknown trainer '{tag}' in model weights"),
        };
    }
}
