using System.Text.Json;

namespace TopicModel.ML.IO;

/// <summary>
/// System.Text.Json's messages end with "Path: $ | LineNumber: 6 | BytePositionInLine: 2." (0-based), which beside our
/// 1-based "file:7:" prefix reads as two different lines. This keeps the problem and gives the column 1-based.
/// </summary>
public static class JsonErrors
{
    public static string Describe(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        if (cut >= 0) message = message[..cut].TrimEnd();
        return e.BytePositionInLine is { } column ? $"{message} (at byte {column + 1} of the line)" : message;
    }
}
