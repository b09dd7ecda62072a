using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.DotNet.Interactive.Documents;
using TopicModel.ML;

namespace TopicModel.Notebooks;

/// <summary>
/// Writes a notebook as a C# file-based app (<c>dotnet run NAME.cs</c>), the path upstream recommends now that
/// .NET Interactive is deprecated: the cells' code in order as top-level statements, <c>#r "nuget: ..."</c> as
/// <c>#:package</c>, the cells' <c>using</c>s at the top, a cell's trailing expression and every <c>display(x)</c>
/// written to one offline HTML page (DataFrames as tables, Plotly.NET charts with plotly.js inlined once).
/// </summary>
public static partial class NotebookExporter
{
    /// <param name="notebookPath">The notebook's path; the app runs its cells in the notebook's folder, as the kernel does.</param>
    /// <param name="appPath">Where the app will be written: the notebook's folder is recorded relative to it.</param>
    public static string Export(InteractiveDocument document, string notebookPath, string appPath)
    {
        var packages = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var usings = new List<string>();
        var body = new StringBuilder();
        for (var i = 0; i < document.Elements.Count; i++)
        {
            var cell = document.Elements[i];
            if (cell.KernelName is "markdown" or "md" || string.IsNullOrWhiteSpace(cell.Contents)) continue;
            if (cell.KernelName != "csharp")
                throw new TopicModelException($"cell {i + 1} is for the '{cell.KernelName}' kernel; only C# cells can be exported", notebookPath);
            var code = new StringBuilder();
            foreach (var line in cell.Contents.Split('\n'))
            {
                if (NugetReference().Match(line) is { Success: true } reference)
                {
                    // A kernel extension (Plotly.NET.Interactive) is for the kernel's formatters; the app renders itself.
                    var id = reference.Groups[1].Value.Trim();
                    if (!id.EndsWith(".Interactive", StringComparison.OrdinalIgnoreCase)) packages[id] = reference.Groups[2].Value.Trim();
                }
                else if (line.TrimStart().StartsWith("#!csharp", StringComparison.Ordinal)) continue;
                else if (line.TrimStart().StartsWith("#!", StringComparison.Ordinal) || line.TrimStart().StartsWith("#r ", StringComparison.Ordinal) || line.TrimStart().StartsWith("#i ", StringComparison.Ordinal))
                    throw new TopicModelException($"cell {i + 1}: `{line.Trim()}` has no file-based app equivalent", notebookPath);
                else code.Append(line).Append('\n');
            }
            var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code.ToString(), new CSharpParseOptions(kind: SourceCodeKind.Script)).GetRoot();
            usings.AddRange(root.Usings.Select(u => u.ToString()));
            body.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n// ---- cell {i + 1} (id {cell.Id})\n");
            foreach (var member in root.Members)
            {
                body.Append(member switch
                {
                    GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } last } =>
                        $"display({last.Expression.ToFullString().Trim()});\n",
                    GlobalStatementSyntax or MethodDeclarationSyntax or FieldDeclarationSyntax => member.ToFullString().Trim() + "\n",
                    _ => throw new TopicModelException($"cell {i + 1}: a {member.Kind()} cannot be a top-level statement", notebookPath),
                });
            }
        }

        var name = Path.GetFileNameWithoutExtension(notebookPath);
        var notebookFolder = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(appPath))!, Path.GetDirectoryName(Path.GetFullPath(notebookPath))!);
        var app = new StringBuilder();
        app.Append($"// {name}: the cells of {Path.GetFileName(notebookPath)} as a C# file-based app, written by `topicmodel notebook export`.\n");
        app.Append("// Run: dotnet run " + name + ".cs [-- page.html]   (default " + name + ".html in the current folder). Displayed values go to\n");
        app.Append("// that one offline page: DataFrames as tables, Plotly.NET charts (plotly.js inlined once), anything else as text.\n");
        packages.TryAdd("Microsoft.Data.Analysis", "0.24.0");
        packages.TryAdd("Plotly.NET", "6.0.0");
        foreach (var (id, version) in packages) app.Append($"#:package {id}@{version}\n");
        app.Append("#:property ManagePackageVersionsCentrally=false\n#:property TreatWarningsAsErrors=false\n#:property PublishAot=false\n#:property NoWarn=$(NoWarn);CS8600;CS8602;CS8604;CS8618;CS8619;CS8620;CS8625\n\n");
        foreach (var u in usings.Prepend("using System.Net;").Prepend("using System.Text;").Distinct()) app.Append(u).Append('\n');
        app.Append($$"""

            var pageFile = Path.GetFullPath(args.Length > 0 ? args[0] : "{{name}}.html");
            var page = new StringBuilder();
            // The notebook's folder is the working directory, as in the kernel.
            Directory.SetCurrentDirectory(Path.Combine(Path.GetDirectoryName((string)AppContext.GetData("EntryPointFilePath")!)!, @"{{notebookFolder}}"));

            """);
        app.Append(body);
        app.Append($$"""

            // ---- the page
            var plotlyJs = new StreamReader(typeof(Plotly.NET.GenericChart).Assembly.GetManifestResourceStream("Plotly.NET.plotly-2.28.0.min.js")!).ReadToEnd();
            File.WriteAllText(pageFile, $"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{{name}}</title>\n<script>{plotlyJs}</script>\n" +
                "<style>body{font-family:sans-serif;margin:2em} table{border-collapse:collapse;margin:1em 0} td,th{border:1px solid #ccc;padding:2px 6px;font-size:13px} pre{background:#f6f6f6;padding:.5em}</style>\n" +
                $"</head><body><h1>{{name}}</h1>\n{page}</body></html>\n");
            Console.WriteLine($"wrote {pageFile}");

            void display(object? value) => page.Append(Render(value)).Append('\n');

            static string Render(object? value) => value switch
            {
                null => "<pre>null</pre>",
                Microsoft.Data.Analysis.DataFrame frame => Table(frame),
                Plotly.NET.GenericChart chart => Plotly.NET.GenericChart.toChartHTML(Plotly.NET.GenericChart.setDisplayOptions(
                    Plotly.NET.DisplayOptions.init(null, null, null, null, null, null,
                        new Microsoft.FSharp.Core.FSharpOption<Plotly.NET.PlotlyJSReference>(Plotly.NET.PlotlyJSReference.NoReference)), chart)),
                _ => $"<pre>{WebUtility.HtmlEncode(value.ToString())}</pre>",
            };

            static string Table(Microsoft.Data.Analysis.DataFrame frame, int maxRows = 100)
            {
                var html = new StringBuilder("<table><thead><tr>");
                foreach (var column in frame.Columns) html.Append("<th>").Append(WebUtility.HtmlEncode(column.Name)).Append("</th>");
                html.Append("</tr></thead><tbody>");
                foreach (var row in frame.Rows.Take(maxRows))
                {
                    html.Append("<tr>");
                    foreach (var cell in row) html.Append("<td>").Append(WebUtility.HtmlEncode(Convert.ToString(cell, System.Globalization.CultureInfo.InvariantCulture))).Append("</td>");
                    html.Append("</tr>");
                }
                html.Append("</tbody></table>");
                if (frame.Rows.Count > maxRows) html.Append($"<p>{maxRows} of {frame.Rows.Count} rows</p>");
                return html.ToString();
            }

            """);
        return app.ToString();
    }

    [GeneratedRegex("""^\s*#r\s+"nuget:\s*([^,"]+)\s*,\s*([^"]+)"\s*$""")]
    private static partial Regex NugetReference();
}
