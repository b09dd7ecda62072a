using System.Collections;
using System.Globalization;
using Plotly.NET;

namespace TopicModel.Notebooks;

/// <summary>
/// How <c>display(value)</c> renders a value: <see cref="IHtmlContent"/> and strings starting with '&lt;' as HTML,
/// plotly figures as a plotly div, sequences as a table, anything else as plain text (its <c>ToString()</c>).
/// </summary>
public static class DisplayFormatter
{
    public static DisplayOutput Format(object? value) => value switch
    {
        null => new DisplayOutput(DisplayOutput.PlainText, "null"),
        IHtmlContent html => new DisplayOutput(DisplayOutput.Html, html.ToHtml()),
        string s when s.TrimStart().StartsWith('<') => new DisplayOutput(DisplayOutput.Html, s),
        string s => new DisplayOutput(DisplayOutput.PlainText, s),
        GenericChart figure => new DisplayOutput(DisplayOutput.Html, NotebookHtml.Plot(figure)),
        IDictionary => new DisplayOutput(DisplayOutput.PlainText, Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
        IEnumerable rows => new DisplayOutput(DisplayOutput.Html, NotebookHtml.TableOf(rows, ElementType(rows.GetType()), 100)),
        IFormattable f => new DisplayOutput(DisplayOutput.PlainText, f.ToString(null, CultureInfo.InvariantCulture)),
        _ => new DisplayOutput(DisplayOutput.PlainText, value.ToString() ?? ""),
    };

    private static Type? ElementType(Type sequence) =>
        sequence.IsArray ? sequence.GetElementType()
        : sequence.GetInterfaces().Append(sequence)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
}
