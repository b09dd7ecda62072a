namespace TopicModel.DataPrep.Ingestion;

/// <summary>Something the reader repaired or could not decide, that does not lose a record (e.g. a stripped glued header).</summary>
public sealed record ReaderWarning(string File, long Line, string Message);
