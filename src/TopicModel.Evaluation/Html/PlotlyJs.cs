using System.Text.RegularExpressions;

namespace TopicModel.Evaluation.Html;

/// <summary>
/// plotly.js as Plotly.NET ships it (an embedded resource of the Plotly.NET package, the version its charts are
/// written for), so every report inlines it and opens offline with no npm step and no CDN.
/// </summary>
public static partial class PlotlyJs
{
    /// <summary>The plotly.js version Plotly.NET embeds.</summary>
    public static string Version => global::Globals.PLOTLYJS_VERSION;

    private static readonly Lazy<string> Script = new(Read);

    /// <summary>The minified script, ready to go inside a &lt;script&gt; element.</summary>
    public static string InlineScript => Script.Value;

    private static string Read()
    {
        var assembly = typeof(global::Plotly.NET.GenericChart).Assembly;
        var name = $"Plotly.NET.plotly-{Version}.min.js";
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} {assembly.GetName().Version} has no resource {name}");
        using var reader = new StreamReader(stream);
        // Inside <script>, only "</script" ends the element; in a minified bundle it can only occur in string
        // literals, where "<\/script" means the same thing.
        return ScriptEndPattern().Replace(reader.ReadToEnd(), @"<\/$1");
    }

    [GeneratedRegex("</(script)", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptEndPattern();
}
