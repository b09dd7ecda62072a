namespace TopicModel.DataPrep.Ingestion;

/// <summary>Why a physical line cannot be trusted as text.</summary>
internal enum LineProblem
{
    None,
    InvalidUtf8,
    TooLong,
    ControlCharacters,
}
