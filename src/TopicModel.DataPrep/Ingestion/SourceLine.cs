namespace TopicModel.DataPrep.Ingestion;

/// <summary>
/// One physical line. When <see cref="Problem"/> is set, <see cref="Text"/> is only a best-effort view
/// (invalid bytes replaced, overlong lines cut) for diagnostics and layout decisions, never for output.
/// </summary>
internal readonly record struct SourceLine(long Number, string Text, LineProblem Problem, string? Detail)
{
    public bool IsBlank => Problem == LineProblem.None && string.IsNullOrWhiteSpace(Text);
}
