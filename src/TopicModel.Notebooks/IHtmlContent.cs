namespace TopicModel.Notebooks;

/// <summary>
/// Something that displays as HTML in a notebook output (ASP.NET Core's <c>IHtmlContent</c> idea, without the
/// dependency): <c>display(x)</c> writes <see cref="ToHtml"/> as a <c>text/html</c> output.
/// </summary>
public interface IHtmlContent
{
    string ToHtml();
}
