using Microsoft.CodeAnalysis;
using Diagnostic = Microsoft.DotNet.Interactive.Diagnostic;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace TopicModel.Notebooks;

/// <summary>
/// Turns the kernel's events for one cell into nbformat outputs the way the Jupyter front end of dotnet-interactive
/// does: displays and return values with all their mime types, a display updated in place (the package-install
/// progress) replaced by its last state, console output as streams, and a failure as the kernel reports it (for a
/// compilation error: the diagnostics on stderr and an error "compilation error").
/// </summary>
internal static class CellOutputs
{
    internal sealed record Failure(int? Line, string ErrorName, string Message);

    public static Failure? Fill(InteractiveDocumentElement cell, IEnumerable<KernelEvent> events, int executionCount)
    {
        var outputs = cell.Outputs;
        var displays = new Dictionary<string, int>();
        Diagnostic[] errors = [];
        foreach (var e in events)
        {
            switch (e)
            {
                case DisplayedValueUpdated updated when updated.ValueId is { } id && displays.TryGetValue(id, out var index):
                    outputs[index] = Display(updated.FormattedValues);
                    break;
                case ReturnValueProduced value:
                    var result = new ReturnValueElement { ExecutionOrder = executionCount };
                    foreach (var f in value.FormattedValues) result.Data[f.MimeType] = f.Value;
                    outputs.Add(result);
                    break;
                case StandardOutputValueProduced o:
                    AddStream(outputs, "stdout", Text(o.FormattedValues));
                    break;
                case StandardErrorValueProduced o:
                    AddStream(outputs, "stderr", Text(o.FormattedValues));
                    break;
                case DisplayEvent display:
                    if (display.ValueId is { } valueId) displays[valueId] = outputs.Count;
                    outputs.Add(Display(display.FormattedValues));
                    break;
                case DiagnosticsProduced diagnostics:
                    errors = [.. diagnostics.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)];
                    break;
                case CommandFailed failed:
                    return Fail(outputs, failed, errors);
            }
        }
        return null;
    }

    private static Failure Fail(List<InteractiveDocumentOutputElement> outputs, CommandFailed failed, Diagnostic[] errors)
    {
        if (errors.Length > 0)
        {
            AddStream(outputs, "stderr", $"\n{failed.Message}\n\n");
            outputs.Add(new ErrorElement(errorValue: "compilation error", errorName: "Error", stackTrace: []));
            var first = errors[0];
            var messages = string.Join("; ", errors.DistinctBy(d => d.Code).Take(3).Select(d => $"{d.Code}: {d.Message}"));
            return new Failure(first.LinePositionSpan.Start.Line + 1, "CompilationError", messages);
        }
        outputs.Add(new ErrorElement(errorValue: failed.Message, errorName: "Error", stackTrace: []));
        var name = failed.Exception?.GetType().Name ?? "Error";
        var message = failed.Exception?.Message ?? FirstLine(failed.Message);
        return new Failure(null, name, message);
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd('\r');

    private static DisplayElement Display(IEnumerable<FormattedValue> values) =>
        new(values.ToDictionary(f => f.MimeType, f => (object)f.Value, StringComparer.Ordinal));

    private static string Text(IEnumerable<FormattedValue> values) =>
        values.FirstOrDefault(v => v.MimeType == "text/plain")?.Value ?? string.Concat(values.Select(v => v.Value));

    /// <summary>Consecutive writes to one stream are one output, as Jupyter shows them.</summary>
    private static void AddStream(List<InteractiveDocumentOutputElement> outputs, string name, string text)
    {
        if (outputs.Count > 0 && outputs[^1] is TextElement last && last.Name == name)
            outputs[^1] = new TextElement(last.Text + text, name);
        else
            outputs.Add(new TextElement(text, name));
    }

}
