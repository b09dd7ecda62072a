using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Plotly.NET;
using TopicModel.ML;

namespace TopicModel.Evaluation.Html;

/// <summary>
/// An immutable, self-contained HTML report: sections with headings, paragraphs, tables and Plotly.NET charts,
/// with plotly.js inlined once (from the Plotly.NET package), so the page opens offline.
/// Each <c>Add*</c> returns a new report with the block appended, so partial reports can be shared and extended.
/// Every piece of text is HTML-escaped; figures get stable ids (<c>figure-1</c>, <c>figure-2</c>, ... unless given).
/// </summary>
public sealed partial class HtmlReport
{
    private readonly ImmutableList<ReportBlock> _blocks;

    public HtmlReport(string title) : this(RequireText(title, "report title"), []) { }

    private HtmlReport(string title, ImmutableList<ReportBlock> blocks)
    {
        Title = title;
        _blocks = blocks;
    }

    public string Title { get; }

    /// <summary>Ids of the figure divs, in page order.</summary>
    public IReadOnlyList<string> FigureIds => _blocks.OfType<ReportBlock.Chart>().Select(c => c.Id).ToArray();

    /// <summary>Starts a new section; what follows goes under this heading.</summary>
    public HtmlReport AddSection(string heading) => With(new ReportBlock.Section(RequireText(heading, "section heading")));

    public HtmlReport AddParagraph(string text) => With(new ReportBlock.Paragraph(text));

    /// <summary>A table whose first row is the header; every row must have as many cells as the header.</summary>
    public HtmlReport AddTable(string[][] rows)
    {
        if (rows.Length == 0) throw new TopicModelException("table needs at least a header row");
        var width = rows[0].Length;
        if (width == 0) throw new TopicModelException("table header has no cells");
        for (var r = 1; r < rows.Length; r++)
        {
            if (rows[r].Length != width)
                throw new TopicModelException($"table row {r} has {rows[r].Length} cells but the header has {width}");
        }
        return With(new ReportBlock.Table(rows.Select(r => (IReadOnlyList<string>)r.ToArray()).ToArray()));
    }

    /// <param name="id">Id of the figure's div: a letter then letters, digits, '-' or '_'; default <c>figure-N</c>.</param>
    public HtmlReport AddFigure(GenericChart figure, string? caption = null, string? id = null)
    {
        var existing = FigureIds;
        id ??= $"figure-{existing.Count + 1}";
        if (!IdPattern().IsMatch(id))
            throw new TopicModelException($"figure id '{id}' must start with a letter and contain only letters, digits, '-' and '_'");
        if (existing.Contains(id) || id == ErrorListId)
            throw new TopicModelException($"figure id '{id}' is already used in this report");
        return With(new ReportBlock.Chart(figure, id, caption));
    }

    /// <summary>The whole page: no external references.</summary>
    public string Render() => HtmlReportRenderer.Render(Title, _blocks, ErrorListId);

    /// <summary>Writes the page to <paramref name="path"/>, creating its folder.</summary>
    public void Save(string path)
    {
        var html = Render();
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null) Directory.CreateDirectory(folder);
            File.WriteAllText(path, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TopicModelException($"cannot write the HTML report: {e.Message}", path, inner: e);
        }
    }

    private const string ErrorListId = "report-errors";

    private HtmlReport With(ReportBlock block) => new(Title, _blocks.Add(block));

    private static string RequireText(string text, string what) =>
        string.IsNullOrWhiteSpace(text) ? throw new TopicModelException($"{what} is empty") : text;

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex IdPattern();
}
