using System.Text.Json.Nodes;
using TopicModel.DataPrep.Labeling;
using TopicModel.ML.IO;

namespace TopicModel.Training.AutoML;

/// <summary>
/// The chosen pipeline's out-of-fold predictions (scikit-learn's <c>cross_val_predict</c>), one JSON line per
/// labeled training paper: the fold that scored it, its label and whether a person reviewed it, the model's
/// topic and probabilities, and the rules' topic. This is where a data scientist studies the model's errors and
/// compares it with the rules per topic or per digest day without spending the held-out digests.
/// </summary>
public static class DevPredictions
{
    /// <summary>Writes the lines atomically to <paramref name="path"/>, in the order of the training papers.</summary>
    public static void Write(string path, PipelineValidation validation, ValidationOutcome outcome, IReadOnlyDictionary<string, WeakLabel> weak)
    {
        var labeled = validation.Workspace.Corpus.Labeled;
        var topics = validation.Workspace.Corpus.Taxonomy.Ids;
        AtomicFile.WriteText(path, w =>
        {
            for (var i = 0; i < labeled.Count; i++)
            {
                var paper = labeled[i];
                var probabilities = outcome.OutOfFold[i];
                var predicted = Array.IndexOf(probabilities, probabilities.Max());
                var line = new JsonObject
                {
                    ["id"] = paper.Paper.Id,
                    ["title"] = paper.Paper.Title,
                    ["day"] = PipelineValidation.DayOf(paper.Paper),
                    ["fold"] = validation.FoldOf(i),
                    ["label"] = topics[paper.Topic],
                    ["reviewed"] = paper.Reviewed,
                    ["predicted"] = topics[predicted],
                    ["rules"] = weak.TryGetValue(paper.Paper.Id, out var rules) ? rules.Topic : null,
                    ["probabilities"] = new JsonObject(topics.Select((t, k) => KeyValuePair.Create(t, (JsonNode?)Math.Round(probabilities[k], 5)))),
                };
                w.WriteLine(line.ToJsonString());
            }
        });
    }
}
