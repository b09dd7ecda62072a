namespace TopicModel.Training.Scoring;

/// <summary>
/// The JSON text of a share in [0, 1] rounded to a few decimals, written from the rounded integer's digits: the bytes
/// <see cref="System.Text.Json.Utf8JsonWriter.WriteNumberValue(double)"/> writes for <c>Math.Round(value, decimals)</c>
/// (the shortest text that reads back as the same double), at a fraction of its cost (its shortest-digits search was
/// half of encoding a scored record; docs/benchmarks.md, issue 21 fifth round). Where the rounded value is not
/// n / 10^decimals exactly, or would be written in exponent form (below 10⁻⁴), or is negative zero, this declines and
/// the caller formats the double as before.
/// </summary>
internal static class RoundedNumber
{
    /// <summary>The most bytes <see cref="TryFormat"/> writes: "0." and <see cref="MaxDecimals"/> digits.</summary>
    public const int MaxLength = 2 + MaxDecimals;

    public const int MaxDecimals = 6;

    private static readonly double[] Scales = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6];

    /// <param name="rounded"><c>Math.Round(value, decimals)</c>.</param>
    /// <param name="destination">At least <see cref="MaxLength"/> bytes.</param>
    /// <returns>False (nothing written) when the value is not one this formats; the caller then writes the double.</returns>
    public static bool TryFormat(double rounded, int decimals, Span<byte> destination, out int written)
    {
        if ((uint)decimals > MaxDecimals) throw new ArgumentOutOfRangeException(nameof(decimals), decimals, $"0 to {MaxDecimals} decimals");
        written = 0;
        // Also false for NaN.
        if (!(rounded >= 0 && rounded <= 1) || double.IsNegative(rounded)) return false;
        var scale = Scales[decimals];
        var n = (int)Math.Round(rounded * scale);
        // Math.Round(x, d) divides an integer by 10^d, so the double is n / 10^d, whose shortest text is n's digits.
        if (n / scale != rounded) return false;
        if (n == 0 || n == (int)scale)
        {
            destination[0] = n == 0 ? (byte)'0' : (byte)'1';
            written = 1;
            return true;
        }
        // Below 10⁻⁴ the shortest text has an exponent ("1E-05"): rare here, left to the writer.
        if (n * 1e4 < scale) return false;
        var length = 2 + decimals;
        destination[0] = (byte)'0';
        destination[1] = (byte)'.';
        for (var i = length - 1; i >= 2; i--)
        {
            destination[i] = (byte)('0' + n % 10);
            n /= 10;
        }
        while (destination[length - 1] == '0') length--;
        written = length;
        return true;
    }
}
