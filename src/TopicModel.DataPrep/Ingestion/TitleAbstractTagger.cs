namespace TopicModel.DataPrep.Ingestion;

/// <summary>
/// Decides which content lines of a digest are titles and which are abstracts. Each line gets a
/// title-vs-abstract log-odds from its own features (length, sentence punctuation, capitalization,
/// first-person prose); a two-state Viterbi pass then adds the page structure (titles and abstracts
/// alternate), so one ambiguous line is settled by its neighbours while a real missing abstract
/// (two titles in a row) still shows up.
/// </summary>
internal static class TitleAbstractTagger
{
    // log P(next | current): alternation is the rule, a missing title or abstract the exception. Kept
    // weak enough that a run of clearly title-like lines (source code, a table) is not forced into
    // pairs: one line's evidence of about 3 nats outweighs one break of alternation.
    private static readonly double Alternate = Math.Log(0.75);
    private static readonly double Repeat = Math.Log(0.25);
    private static readonly double StartTitle = Math.Log(0.9);
    private static readonly double StartAbstract = Math.Log(0.1);

    /// <summary>For each line, true when it is tagged a title.</summary>
    public static bool[] Tag(IReadOnlyList<string> lines, int maxTitleLength)
    {
        var n = lines.Count;
        var tags = new bool[n];
        if (n == 0) return tags;

        // score[i, s]: best log-probability of a path ending in state s (0 = title, 1 = abstract) at line i.
        var score = new double[n, 2];
        var from = new byte[n, 2];
        var (t0, a0) = Emission(lines, 0, maxTitleLength);
        score[0, 0] = StartTitle + t0;
        score[0, 1] = StartAbstract + a0;
        for (var i = 1; i < n; i++)
        {
            var (t, a) = Emission(lines, i, maxTitleLength);
            // into title: from abstract (alternate) or from title (previous title lost its abstract)
            var viaA = score[i - 1, 1] + Alternate;
            var viaT = score[i - 1, 0] + Repeat;
            score[i, 0] = Math.Max(viaA, viaT) + t;
            from[i, 0] = viaA >= viaT ? (byte)1 : (byte)0;
            // into abstract: from title (alternate) or from abstract (orphan abstract)
            var fromT = score[i - 1, 0] + Alternate;
            var fromA = score[i - 1, 1] + Repeat;
            score[i, 1] = Math.Max(fromT, fromA) + a;
            from[i, 1] = fromT >= fromA ? (byte)0 : (byte)1;
        }

        var state = score[n - 1, 0] >= score[n - 1, 1] ? 0 : 1;
        for (var i = n - 1; i >= 0; i--)
        {
            tags[i] = state == 0;
            state = from[i, state];
        }
        return tags;
    }

    /// <summary>
    /// (log P(title | features), log P(abstract | features)) of line i: its own log-odds plus one contextual
    /// feature, a much longer next line, which is what a title followed by its abstract looks like and
    /// what rescues sentence-case question titles ("Do people expect X? Evidence from Y").
    /// </summary>
    private static (double Title, double Abstract) Emission(IReadOnlyList<string> lines, int i, int maxTitleLength)
    {
        var odds = TitleLogOdds(lines[i], maxTitleLength);
        if (i + 1 < lines.Count && lines[i + 1].Length >= 3 * lines[i].Length) odds += 1.5;
        return (-Softplus(-odds), -Softplus(odds));
    }

    private static double Softplus(double x) => x > 30 ? x : double.LogP1(Math.Exp(x));

    /// <summary>
    /// Log-odds that a line is a title. Weights are set by hand from what separates titles from
    /// abstracts on paper pages: titles are short, one phrase, capitalized, without a final period;
    /// abstracts are several sentences of first-person prose.
    /// </summary>
    internal static double TitleLogOdds(string line, int maxTitleLength)
    {
        if (line.Length > maxTitleLength) return -40;

        // Titles are almost all under 150 characters and abstracts almost all over 300: a short line is a
        // title even in sentence case ("SLTrain: a sparse plus low-rank approach for ...").
        var odds = line.Length switch
        {
            < 80 => 4.0,
            < 150 => 3.5,
            < 250 => 0.5,
            _ => -2.0,
        };

        // One break is common in titles ("Is X All You Need? A Study of Y"); abstracts have many.
        var sentences = SentenceBreaks(line);
        odds -= 2.0 * Math.Min(sentences, 3);
        if (line.EndsWith('.') && !line.EndsWith("...", StringComparison.Ordinal)) odds -= 2.5;

        var (words, capitalized, firstPerson) = WordStats(line);
        if (words > 40) odds -= 3;
        if (words >= 3)
        {
            var ratio = (double)capitalized / words;
            if (ratio >= 0.6) odds += 2;
            else if (ratio < 0.3) odds -= 1;
        }
        if (firstPerson > 0) odds -= 1;
        return odds;
    }

    /// <summary>". X", "! X", "? X": a sentence end followed by a capitalized word.</summary>
    private static int SentenceBreaks(string line)
    {
        var count = 0;
        for (var i = 0; i + 2 < line.Length; i++)
        {
            if (line[i] is '.' or '!' or '?' && line[i + 1] == ' ' && char.IsUpper(line[i + 2])) count++;
        }
        return count;
    }

    /// <summary>Words of 4+ letters, how many start upper-case, and first-person plural pronouns.</summary>
    private static (int Words, int Capitalized, int FirstPerson) WordStats(string line)
    {
        int words = 0, capitalized = 0, firstPerson = 0;
        foreach (var range in line.AsSpan().Split(' '))
        {
            var word = line.AsSpan()[range].Trim("\"'()[]{},;:.!?");
            if (word.Equals("we", StringComparison.OrdinalIgnoreCase) || word.Equals("our", StringComparison.OrdinalIgnoreCase))
                firstPerson++;
            if (word.Length < 4 || !char.IsLetter(word[0])) continue;
            words++;
            if (char.IsUpper(word[0])) capitalized++;
        }
        return (words, capitalized, firstPerson);
    }
}
