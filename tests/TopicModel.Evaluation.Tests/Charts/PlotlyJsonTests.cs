using System.Text.Json;
using TopicModel.Evaluation.Plotly;

namespace TopicModel.Evaluation.Tests.Plotly;

public sealed class PlotlyJsonTests
{
    private static JsonElement Serialize(Figure figure) => JsonDocument.Parse(figure.ToJson()).RootElement;

    private static JsonElement OnlyTrace(Figure figure) => Serialize(figure).GetProperty("data")[0];

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Heatmap_uses_plotly_attribute_names_and_omits_unset_ones()
    {
        var trace = OnlyTrace(new Figure
        {
            Data = [new Heatmap
            {
                Z = [[0.25, 0.75], [1, 0]],
                X = ["a", "b"],
                Y = ["a", "b"],
                Text = [["1", "3"], ["2", "0"]],
                TextTemplate = "%{text}",
                HoverTemplate = "%{z}",
                Colorscale = "Blues",
                ReverseScale = true,
                ZMin = 0,
                ZMax = 1,
                ColorBar = new ColorBar { Title = new Title("share"), TickFormat = ".0%" },
            }],
        });

        Assert.Equal(
            ["colorbar", "colorscale", "hovertemplate", "reversescale", "text", "texttemplate", "type", "x", "y", "z", "zmax", "zmin"],
            Names(trace));
        Assert.Equal("heatmap", trace.GetProperty("type").GetString());
        Assert.Equal(0.75, trace.GetProperty("z")[0][1].GetDouble());
        Assert.Equal("share", trace.GetProperty("colorbar").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal(".0%", trace.GetProperty("colorbar").GetProperty("tickformat").GetString());
    }

    [Fact]
    public void Vertical_bar_puts_values_on_y_and_the_interval_in_error_y()
    {
        var trace = OnlyTrace(new Figure
        {
            Data = [new Bar
            {
                Categories = ["a", "b"],
                Values = [0.5, 0.8],
                Error = ErrorBar.FromInterval([0.5, 0.8], [0.4, 0.6], [0.7, 0.9]),
            }],
        });

        Assert.Equal("bar", trace.GetProperty("type").GetString());
        Assert.Equal("v", trace.GetProperty("orientation").GetString());
        Assert.Equal("a", trace.GetProperty("x")[0].GetString());
        Assert.Equal(0.8, trace.GetProperty("y")[1].GetDouble());
        Assert.False(trace.TryGetProperty("error_x", out _));
        var error = trace.GetProperty("error_y");
        Assert.Equal(["array", "arrayminus", "symmetric", "type", "visible"], Names(error));
        Assert.Equal("data", error.GetProperty("type").GetString());
        Assert.False(error.GetProperty("symmetric").GetBoolean());
        Assert.Equal(0.2, error.GetProperty("array")[0].GetDouble(), 12);
        Assert.Equal(0.2, error.GetProperty("arrayminus")[1].GetDouble(), 12);
    }

    [Fact]
    public void Horizontal_bar_puts_values_on_x_and_the_interval_in_error_x()
    {
        var trace = OnlyTrace(new Figure
        {
            Data = [new Bar
            {
                Categories = ["a"],
                Values = [3],
                Orientation = Orientation.Horizontal,
                Error = ErrorBar.FromInterval([3], [1], [4]),
                TextPosition = TextPosition.Outside,
                CustomData = [[1, 4]],
            }],
        });

        Assert.Equal("h", trace.GetProperty("orientation").GetString());
        Assert.Equal(3, trace.GetProperty("x")[0].GetDouble());
        Assert.Equal("a", trace.GetProperty("y")[0].GetString());
        Assert.False(trace.TryGetProperty("error_y", out _));
        Assert.Equal(1, trace.GetProperty("error_x").GetProperty("array")[0].GetDouble());
        Assert.Equal(2, trace.GetProperty("error_x").GetProperty("arrayminus")[0].GetDouble());
        Assert.Equal("outside", trace.GetProperty("textposition").GetString());
        Assert.Equal(4, trace.GetProperty("customdata")[0][1].GetDouble());
    }

    [Fact]
    public void Scatter_writes_mode_line_dash_and_per_point_marker_sizes()
    {
        var trace = OnlyTrace(new Figure
        {
            Data = [new Scatter
            {
                X = [0, 1],
                Y = [0, 1],
                Mode = ScatterMode.LinesMarkers,
                Line = new Line { Dash = LineDash.Dash, Width = 2 },
                Marker = new Marker { Sizes = [4, 8] },
                ShowLegend = false,
            }],
        });

        Assert.Equal("scatter", trace.GetProperty("type").GetString());
        Assert.Equal("lines+markers", trace.GetProperty("mode").GetString());
        Assert.Equal("dash", trace.GetProperty("line").GetProperty("dash").GetString());
        Assert.Equal(JsonValueKind.Array, trace.GetProperty("marker").GetProperty("size").ValueKind);
        Assert.False(trace.GetProperty("showlegend").GetBoolean());

        var single = OnlyTrace(new Figure { Data = [new Scatter { X = [0], Y = [0], Marker = new Marker { Size = 5 } }] });
        Assert.Equal(5, single.GetProperty("marker").GetProperty("size").GetDouble());
    }

    [Fact]
    public void Layout_uses_plotly_names_with_title_objects_and_category_axes()
    {
        var layout = Serialize(new Figure
        {
            Data = [],
            Layout = new Layout
            {
                Title = new Title("T"),
                XAxis = new Axis { Title = new Title("x"), Type = AxisType.Category, CategoryOrder = CategoryOrder.Array, CategoryArray = ["b", "a"], TickAngle = -30, AutoMargin = true },
                YAxis = new Axis { AutoRange = AxisAutoRange.Reversed, Range = [0, 1], TickFormat = ".0%" },
                Margin = new Margin(1, 2, 3, 4),
                Height = 500,
                ShowLegend = true,
                Legend = new Legend { Orientation = Orientation.Horizontal, XAnchor = "left" },
                BarMode = BarMode.Group,
            },
        }).GetProperty("layout");

        Assert.Equal(["barmode", "height", "legend", "margin", "showlegend", "title", "xaxis", "yaxis"], Names(layout));
        Assert.Equal("T", layout.GetProperty("title").GetProperty("text").GetString());
        var x = layout.GetProperty("xaxis");
        Assert.Equal(["automargin", "categoryarray", "categoryorder", "tickangle", "title", "type"], Names(x));
        Assert.Equal("category", x.GetProperty("type").GetString());
        Assert.Equal("array", x.GetProperty("categoryorder").GetString());
        Assert.Equal("reversed", layout.GetProperty("yaxis").GetProperty("autorange").GetString());
        Assert.Equal(["b", "l", "r", "t"], Names(layout.GetProperty("margin")));
        Assert.Equal(4, layout.GetProperty("margin").GetProperty("b").GetInt32());
        Assert.Equal("h", layout.GetProperty("legend").GetProperty("orientation").GetString());
        Assert.Equal("group", layout.GetProperty("barmode").GetString());
    }

    [Fact]
    public void Non_finite_numbers_become_null_gaps()
    {
        var trace = OnlyTrace(new Figure { Data = [new Bar { Categories = ["a", "b", "c"], Values = [double.NaN, 1, double.PositiveInfinity] }] });

        var y = trace.GetProperty("y");
        Assert.Equal(JsonValueKind.Null, y[0].ValueKind);
        Assert.Equal(1, y[1].GetDouble());
        Assert.Equal(JsonValueKind.Null, y[2].ValueKind);
    }

    [Fact]
    public void Json_is_safe_inside_a_script_element()
    {
        var json = new Figure { Data = [], Layout = new Layout { Title = new Title("</script><b>&") } }.ToJson();

        Assert.DoesNotContain("<", json);
        Assert.DoesNotContain(">", json);
        Assert.Equal("</script><b>&", JsonDocument.Parse(json).RootElement.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
    }
}
