using System.CommandLine;

namespace TopicModel.Cli.Commands;

/// <summary>--digest-year: dates digests whose date line has no year ("Mar 14"); the recipe's data.digestYear does the same for recipe runs.</summary>
public static class DigestYearOption
{
    public static Option<int?> Create()
    {
        var option = new Option<int?>("--digest-year") { Description = "Year of digest date lines without one ('Mar 14') [default: the recipe's data.digestYear; none: such digests get no date]." };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } year && year is < 1 or > 9999)
                result.AddError($"--digest-year: expected a year from 1 to 9999, got {year}");
        });
        return option;
    }
}
