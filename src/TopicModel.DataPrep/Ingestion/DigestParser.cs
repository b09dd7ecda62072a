using TopicModel.DataPrep.Papers;
using TopicModel.ML;

namespace TopicModel.DataPrep.Ingestion;

/// <summary>
/// Turns a digest's lines into papers: drops page boilerplate, takes the header date, strips text glued
/// to the first title, tags every other line title or abstract (<see cref="TitleAbstractTagger"/>) and
/// pairs each title with the abstract after it. Lines it cannot pair are rejected with their line.
/// The whole file is buffered (bounded by <see cref="ReaderOptions.MaxDigestBytes"/>) because tagging
/// looks at neighbours.
/// </summary>
internal static class DigestParser
{
    public static List<ReadItem> Parse(Stream stream, string file, string digest, ReaderOptions options)
    {
        var lines = new List<SourceLine>();
        long size = 0;
        foreach (var line in LineSource.Read(stream, options.MaxLineLength))
        {
            // Stdin cannot be measured up front; characters are a lower bound of its bytes.
            size += line.Text.Length + 1;
            if (size > options.MaxDigestBytes)
                throw new TopicModelException(
                    $"digest is larger than the limit of {options.MaxDigestBytes} bytes (ReaderOptions.MaxDigestBytes); use JSONL or CSV for large inputs",
                    file, line.Number);
            lines.Add(line);
        }
        return Parse(lines, file, digest, options);
    }

    private static List<ReadItem> Parse(List<SourceLine> lines, string file, string digest, ReaderOptions options)
    {
        var items = new List<ReadItem>();
        var boilerplate = new Boilerplate(options.Boilerplate);
        var content = new List<(SourceLine Line, string Text)>();
        DateOnly? date = null;
        var dateSeen = false;
        foreach (var line in lines)
        {
            if (line.IsBlank) continue;
            var text = TextCleaner.Clean(line.Text);
            if (line.Problem != LineProblem.None)
            {
                content.Add((line, text));
                continue;
            }
            if (boilerplate.IsBoilerplate(text)) continue;
            if (content.Count == 0)
            {
                if (!dateSeen && DigestDateLine.TryParse(text, out var month, out var day, out var year))
                {
                    dateSeen = true;
                    date = HeaderDate(month, day, year ?? options.DigestYear, text, file, line.Number, items);
                    continue;
                }
                // Glue happens only where the page header meets the list, so later titles are never touched.
                var glued = boilerplate.GluedPrefix(text);
                if (glued is not null)
                {
                    text = text[glued.Length..].TrimStart();
                    items.Add(ReadItem.Of(new ReaderWarning(file, line.Number, $"removed page text '{glued}' glued to the start of the line")));
                }
            }
            content.Add((line, text));
        }
        if (content.Count == 0)
            throw new TopicModelException("not a digest: the file has no paper lines (empty or header only)", file);

        var tags = TitleAbstractTagger.Tag(content.ConvertAll(c => c.Text), options.MaxTitleLength);
        var pairs = 0;
        var unpaired = 0;
        long firstUnpaired = 0;
        for (var i = 0; i < content.Count;)
        {
            var (line, text) = content[i];
            if (tags[i] && i + 1 < content.Count && !tags[i + 1])
            {
                items.Add(Pair(content[i], content[i + 1], file, digest, date, options));
                pairs++;
                i += 2;
                continue;
            }
            var reason = tags[i]
                ? "title has no abstract (the next line is another title or the end of the file)"
                : "abstract without a title (the line before it is not a title)";
            if (line.Problem != LineProblem.None) reason = $"{line.Detail}; {reason}";
            items.Add(ReadItem.Of(new RejectedRecord(file, line.Number, reason, TextCleaner.Excerpt(text, options.MaxRawLength))));
            if (unpaired++ == 0) firstUnpaired = line.Number;
            i++;
        }

        if (pairs == 0)
            throw new TopicModelException(
                $"not a digest: no title line followed by an abstract line among {content.Count} lines", file, content[0].Line.Number);
        // Like JSONL and CSV: a file whose every paper was rejected has no papers, which is an error, not an empty result.
        if (!items.Any(i => i.Paper is not null))
        {
            var first = items.First(i => i.Rejected is not null).Rejected!;
            throw new TopicModelException($"no papers among {pairs} title + abstract pairs; the first problem: {first.Reason}", file, first.Line);
        }
        // Mostly unpairable lines mean the file is something else (code, a table, prose); a few are just damage.
        if (unpaired > pairs && unpaired >= 3)
            throw new TopicModelException(
                $"does not look like a digest: {unpaired} of {content.Count} lines could not be paired as title + abstract (first at line {firstUnpaired})",
                file, firstUnpaired);
        return items;
    }

    private static ReadItem Pair((SourceLine Line, string Text) title, (SourceLine Line, string Text) @abstract,
        string file, string digest, DateOnly? date, ReaderOptions options)
    {
        var titleBroken = title.Line.Problem != LineProblem.None;
        if (titleBroken || @abstract.Line.Problem != LineProblem.None)
        {
            var (broken, partner) = titleBroken
                ? (title, $"its abstract at line {@abstract.Line.Number}")
                : (@abstract, $"its title at line {title.Line.Number}");
            return ReadItem.Of(new RejectedRecord(file, broken.Line.Number,
                $"{broken.Line.Detail}; the paper is skipped with {partner}", TextCleaner.Excerpt(broken.Text, options.MaxRawLength)));
        }
        return ReadItem.Of(new Paper(PaperId.FromTitle(title.Text), title.Text, @abstract.Text, digest, date, null, title.Line.Number));
    }

    private static DateOnly? HeaderDate(int month, int day, int? year, string text, string file, long line, List<ReadItem> items)
    {
        if (year is null)
        {
            items.Add(ReadItem.Of(new ReaderWarning(file, line,
                $"digest date '{text}' has no year, so papers get no date; give the year to date them (score --digest-year, or data.digestYear in the recipe)")));
            return null;
        }
        if (day > DateTime.DaysInMonth(year.Value, month))
        {
            items.Add(ReadItem.Of(new ReaderWarning(file, line, $"digest date '{text}' does not exist in {year}; papers get no date")));
            return null;
        }
        return new DateOnly(year.Value, month, day);
    }
}
