namespace TopicModel.Training.Interop;

/// <summary>The input row of a bundle used from ML.NET: a paper's title and abstract (an IDataView's <c>Title</c> and <c>Abstract</c> text columns).</summary>
public sealed class PaperText
{
    public string Title { get; set; } = "";
    public string Abstract { get; set; } = "";
}
