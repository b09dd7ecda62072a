namespace TopicModel.Notebooks;

/// <summary>
/// Why a notebook run stopped: the cell (1-based position among all cells, and its nbformat id), the line in the cell
/// when the kernel says, the error (the compiler's diagnostic code, or the exception type) and its message.
/// </summary>
public sealed record CellFailure(string Notebook, int Cell, string CellId, int? Line, string ErrorName, string Message)
{
    public override string ToString() =>
        $"{Notebook}: cell {Cell} (id {CellId}){(Line is { } l ? $", line {l}" : "")}: {ErrorName}: {Message}";
}
