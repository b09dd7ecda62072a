namespace TopicModel.DataPrep.Ingestion;

/// <summary>
/// Options of <see cref="PaperReader"/>. The defaults read every shipped input; the limits exist so a
/// wrong or hostile file fails fast instead of exhausting memory.
/// </summary>
public sealed record ReaderOptions
{
    public static ReaderOptions Default { get; } = new();

    /// <summary>Input layout; <see cref="InputFormat.Auto"/> decides by extension (stdin: by the first non-blank character).</summary>
    public InputFormat Format { get; init; } = InputFormat.Auto;

    /// <summary>
    /// Longest accepted line in characters (default 1 Mi). A longer line becomes a <see cref="RejectedRecord"/>
    /// and is skipped without being buffered.
    /// </summary>
    public int MaxLineLength { get; init; } = 1 << 20;

    /// <summary>
    /// Largest digest file in bytes (default 64 MiB). Digests are buffered whole to pair titles with
    /// abstracts, so this bounds memory; JSONL and CSV are streamed and have no size limit.
    /// </summary>
    public long MaxDigestBytes { get; init; } = 64L << 20;

    /// <summary>
    /// Longest line (characters) that may still be a digest title (default 300). Real titles are under
    /// 200 characters; abstracts are rarely under 500.
    /// </summary>
    public int MaxTitleLength { get; init; } = 300;

    /// <summary>
    /// Year for a digest date line without one (a page shows "Mar 14"). When null such a digest gets no
    /// <c>Date</c> and a warning, rather than a guessed year.
    /// </summary>
    public int? DigestYear { get; init; }

    /// <summary>
    /// Boilerplate lines of a daily papers page, compared case-insensitively after whitespace is collapsed;
    /// an entry ending in '*' matches any line starting with the rest. They are dropped wherever they occur,
    /// and stripped when glued to the start of a title ("SubscribeReversing the ...").
    /// </summary>
    public IReadOnlyList<string> Boilerplate { get; init; } =
    [
        "new",
        "Get trending papers in your email inbox*",
        "Subscribe",
        "by AK and the research community",
        "byAK and the research community",
        "Daily Papers",
        "Load more",
    ];

    /// <summary>At most this many characters of a rejected line are kept in <see cref="RejectedRecord.Raw"/> (default 500).</summary>
    public int MaxRawLength { get; init; } = 500;

    /// <summary>
    /// JSON Lines records come out unparsed (<see cref="ReadItem.Line"/>) for the caller to parse on its own threads
    /// (<see cref="JsonlLine.Parse"/>) and, in input order, to finish each file with <see cref="JsonlSource.ThrowIfNoPapers"/>.
    /// Blank lines are skipped and a file without records fails while reading, as with parsing on. Default off.
    /// </summary>
    public bool DeferJsonlParsing { get; init; }
}
