namespace TopicModel.ML.IO;

/// <summary>
/// Checks a count read from a saved model before it sizes an allocation. A damaged or hostile file can claim
/// two billion items in four bytes; each item takes at least <c>minBytesEach</c> bytes of the file, so a
/// count that cannot fit in what is left of the stream is refused instead of allocating gigabytes and
/// failing later (or not at all). Memory for loading is thus bounded by the size of the entry.
/// </summary>
public static class BinaryBounds
{
    /// <returns><paramref name="count"/>, when it is not negative and its items fit in the rest of the stream.</returns>
    /// <exception cref="TopicModelException">The count is negative.</exception>
    /// <exception cref="EndOfStreamException">The items cannot fit in what is left of the stream.</exception>
    public static int Count(BinaryReader reader, int count, int minBytesEach, string what)
    {
        if (count < 0)
            throw new TopicModelException($"{what}: negative count {count}");
        var stream = reader.BaseStream;
        if (stream.CanSeek)
        {
            var left = stream.Length - stream.Position;
            // Reported as the end of the stream: the readers already turn that into "<what> is truncated" with the entry and file.
            if ((long)count * minBytesEach > left)
                throw new EndOfStreamException($"{what}: {count:N0} items cannot fit in the {left:N0} bytes left");
        }
        return count;
    }
}
