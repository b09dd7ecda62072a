using Plotly.NET;

namespace TopicModel.Evaluation.Html;

/// <summary>One piece of report content, in document order.</summary>
internal abstract record ReportBlock
{
    public sealed record Section(string Heading) : ReportBlock;

    public sealed record Paragraph(string Text) : ReportBlock;

    public sealed record Table(IReadOnlyList<IReadOnlyList<string>> Rows) : ReportBlock;

    public sealed record Chart(GenericChart Figure, string Id, string? Caption) : ReportBlock;
}
