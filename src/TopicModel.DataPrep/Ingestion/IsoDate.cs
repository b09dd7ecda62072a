using System.Globalization;

namespace TopicModel.DataPrep.Ingestion;

/// <summary>Dates of JSONL/CSV records: ISO yyyy-MM-dd, or an ISO date-time whose calendar date (as written) is taken.</summary>
internal static class IsoDate
{
    private static readonly string[] DateTimeFormats =
        ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    public static bool TryParse(string text, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return true;
        if (DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dt))
        {
            date = DateOnly.FromDateTime(dt.DateTime);
            return true;
        }
        return false;
    }
}
