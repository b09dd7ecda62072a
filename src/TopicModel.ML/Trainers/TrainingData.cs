using TopicModel.ML.Data;

namespace TopicModel.ML.Trainers;

/// <summary>Checks every trainer makes before fitting, so they all reject the same data the same way.</summary>
internal static class TrainingData
{
    public static void Check(MulticlassDataset data, string trainer)
    {
        if (data.Count == 0)
            throw new TopicModelException($"{trainer}: the training data has no examples");
        if ((long)data.ClassCount * data.FeatureCount > Array.MaxLength)
            throw new TopicModelException($"{trainer}: {data.ClassCount} classes × {data.FeatureCount} features is too many weights for one model");
        var total = 0d;
        for (var i = 0; i < data.Count; i++)
        {
            var w = data.WeightOf(i);
            if (!(w >= 0) || float.IsInfinity(w))
                throw new TopicModelException($"{trainer}: example {i} has weight {w}; weights must be finite and ≥ 0");
            total += w;
            var values = data.Rows[i].Values;
            foreach (var v in values)
            {
                if (!float.IsFinite(v))
                    throw new TopicModelException($"{trainer}: example {i} has a feature value of {v}");
            }
        }
        if (total <= 0)
            throw new TopicModelException($"{trainer}: all example weights are zero");
    }
}
