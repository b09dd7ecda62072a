using System.Globalization;
using System.Text.RegularExpressions;

namespace TopicModel.DataPrep.Ingestion;

/// <summary>
/// The date a daily page shows in its header: "Mar 14", "March 14, 2024", "14 March 2024" or ISO "2024-03-14".
/// </summary>
internal static partial class DigestDateLine
{
    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>True when the line is a date; <paramref name="year"/> is null when the line gives none.</summary>
    public static bool TryParse(string line, out int month, out int day, out int? year)
    {
        month = day = 0;
        year = null;
        var iso = Iso().Match(line);
        if (iso.Success)
        {
            if (!DateOnly.TryParseExact(line, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                return false;
            (year, month, day) = (d.Year, d.Month, d.Day);
            return true;
        }

        var m = MonthFirst().Match(line);
        if (!m.Success) m = DayFirst().Match(line);
        if (!m.Success) return false;
        month = MonthNumber(m.Groups["mon"].Value);
        day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        if (m.Groups["year"].Success) year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        // Without a year, Feb 29 must stay possible, so validate against a leap year.
        return month > 0 && day >= 1 && day <= DateTime.DaysInMonth(year ?? 2000, month);
    }

    private static int MonthNumber(string token)
    {
        var t = token.ToLowerInvariant();
        if (t.Length < 3) return 0;
        for (var i = 0; i < Months.Length; i++)
        {
            if (Months[i].StartsWith(t, StringComparison.Ordinal)) return i + 1;
        }
        return t == "sept" ? 9 : 0;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(?<mon>[A-Za-z]{3,9})\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<year>\d{4}))?$")]
    private static partial Regex MonthFirst();

    [GeneratedRegex(@"^(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?<mon>[A-Za-z]{3,9})\.?(?:,?\s+(?<year>\d{4}))?$")]
    private static partial Regex DayFirst();
}
