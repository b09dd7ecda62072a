using System.Text.Json;

namespace TopicModel.Training.Recipes;

/// <summary>The trainer the recipe names and its options as written (read by <see cref="Trainers.TrainerCatalog"/>).</summary>
/// <param name="Path">JSON path of the options, for error messages.</param>
public sealed record TrainerChoice(string Name, JsonElement Options, string Path, string File);
