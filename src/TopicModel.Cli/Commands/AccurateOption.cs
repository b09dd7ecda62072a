using System.CommandLine;
using TopicModel.Training.Bundles;

namespace TopicModel.Cli.Commands;

/// <summary>`--accurate`: use a distilled bundle's teacher instead of its fast student.</summary>
public static class AccurateOption
{
    public static Option<bool> Create(string description) => new("--accurate") { Description = description };

    public static ModelBundle Select(ModelBundle bundle, bool accurate) => accurate ? bundle.AsTeacher() : bundle;
}
