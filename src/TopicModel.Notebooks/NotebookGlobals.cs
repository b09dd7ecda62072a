namespace TopicModel.Notebooks;

/// <summary>
/// The globals a notebook's C# cells see when run by <see cref="NotebookRunner"/>; the same names as Polyglot's
/// C# kernel (<c>display</c>, <c>HTML</c>), so the notebooks run unchanged in VS Code.
/// </summary>
public sealed class NotebookGlobals
{
    private List<DisplayOutput> _outputs = [];

    /// <summary>Records <paramref name="value"/> as an output of the running cell (formatted by <see cref="DisplayFormatter"/>) and returns it.</summary>
#pragma warning disable IDE1006 // lower-case like Polyglot's display()
    public object? display(object? value)
#pragma warning restore IDE1006
    {
        _outputs.Add(DisplayFormatter.Format(value));
        return value;
    }

    /// <summary>Marks a string as HTML for <c>display</c>.</summary>
    public HtmlContent HTML(string html) => new(html);

    internal IReadOnlyList<DisplayOutput> StartCell()
    {
        _outputs = [];
        return _outputs;
    }
}
