using TopicModel.DataPrep.Papers;

namespace TopicModel.DataPrep.Ingestion;

/// <summary>One element of <see cref="PaperReader.Read(string, ReaderOptions?)"/>: exactly one of a paper, a reject or a warning.</summary>
public readonly record struct ReadItem
{
    private ReadItem(Paper? paper, RejectedRecord? rejected, ReaderWarning? warning)
    {
        Paper = paper;
        Rejected = rejected;
        Warning = warning;
    }

    public Paper? Paper { get; }
    public RejectedRecord? Rejected { get; }
    public ReaderWarning? Warning { get; }

    public static ReadItem Of(Paper paper) => new(paper, null, null);
    public static ReadItem Of(RejectedRecord rejected) => new(null, rejected, null);
    public static ReadItem Of(ReaderWarning warning) => new(null, null, warning);
}
