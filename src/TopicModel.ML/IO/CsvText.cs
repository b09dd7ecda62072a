namespace TopicModel.ML.IO;

/// <summary>RFC 4180 quoting for the CSV files we write.</summary>
public static class CsvText
{
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";
}
