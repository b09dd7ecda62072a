namespace TopicModel.Notebooks;

/// <summary>Why a notebook run stopped: the cell (1-based position among all cells), the line in it when known, the error.</summary>
/// <param name="ErrorName">The exception type, or "CompilationError" / "UnsupportedDirective".</param>
public sealed record CellFailure(string Notebook, int Cell, int? Line, string ErrorName, string Message)
{
    public override string ToString() => $"{Notebook}: cell {Cell}{(Line is { } l ? $", line {l}" : "")}: {ErrorName}: {Message}";
}
