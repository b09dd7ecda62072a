namespace TopicModel.Notebooks;

/// <summary>One recorded output of a cell: a MIME type (<c>text/html</c> or <c>text/plain</c>) and its text.</summary>
public sealed record DisplayOutput(string MimeType, string Text)
{
    public const string Html = "text/html";
    public const string PlainText = "text/plain";
}
