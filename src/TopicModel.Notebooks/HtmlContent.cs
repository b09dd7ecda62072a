namespace TopicModel.Notebooks;

/// <summary>A piece of HTML to display as is; what the notebook global <c>HTML("...")</c> returns.</summary>
public sealed record HtmlContent(string Html) : IHtmlContent
{
    public string ToHtml() => Html;

    public override string ToString() => Html;
}
