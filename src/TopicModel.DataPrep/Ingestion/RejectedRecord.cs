namespace TopicModel.DataPrep.Ingestion;

/// <summary>
/// An input record that could not become a paper. Reading continues after it.
/// </summary>
/// <param name="File">The input's path, or "-" for stdin.</param>
/// <param name="Line">1-based line where the problem is.</param>
/// <param name="Reason">What is wrong, in words a user can act on.</param>
/// <param name="Raw">The offending text, cut to <see cref="ReaderOptions.MaxRawLength"/> characters.</param>
public sealed record RejectedRecord(string File, long Line, string Reason, string Raw);
