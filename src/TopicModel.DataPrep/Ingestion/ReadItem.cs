using TopicModel.DataPrep.Papers;

namespace TopicModel.DataPrep.Ingestion;

/// <summary>One element of <see cref="PaperReader.Read(string, ReaderOptions?)"/>: exactly one of a paper, a reject, a warning or (with <see cref="ReaderOptions.DeferJsonlParsing"/>) a JSON Lines record still to parse.</summary>
public readonly record struct ReadItem
{
    private ReadItem(Paper? paper, RejectedRecord? rejected, ReaderWarning? warning, JsonlLine? line = null)
    {
        Paper = paper;
        Rejected = rejected;
        Warning = warning;
        Line = line;
    }

    public Paper? Paper { get; }
    public RejectedRecord? Rejected { get; }
    public ReaderWarning? Warning { get; }

    /// <summary>A JSON Lines record still to parse; only with <see cref="ReaderOptions.DeferJsonlParsing"/>.</summary>
    public JsonlLine? Line { get; }

    public static ReadItem Of(Paper paper) => new(paper, null, null);
    public static ReadItem Of(RejectedRecord rejected) => new(null, rejected, null);
    public static ReadItem Of(ReaderWarning warning) => new(null, null, warning);
    public static ReadItem Of(JsonlLine line) => new(null, null, null, line);
}
