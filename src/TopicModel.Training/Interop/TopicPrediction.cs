namespace TopicModel.Training.Interop;

/// <summary>
/// What a bundle adds to each row in ML.NET: the predicted taxonomy <c>Topic</c> (the most probable; ties go to the
/// earlier topic, as <c>topicmodel score</c> does), its <c>Probability</c>, and <c>Probabilities</c> in taxonomy order.
/// </summary>
public sealed class TopicPrediction
{
    public string Topic { get; set; } = "";
    public float Probability { get; set; }
    public float[] Probabilities { get; set; } = [];
}
