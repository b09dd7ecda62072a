using System.Collections.Frozen;

namespace TopicModel.ML.Text;

/// <summary>English stop words: function words that carry no topic. Entries are folded (lower case, no diacritics).</summary>
public static class StopWords
{
    public static FrozenSet<string> English { get; } = (
        "a about above after again against all am an and any are as at be because been before being below between both but by " +
        "can could did do does doing down during each few for from further had has have having he her here hers herself him " +
        "himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other " +
        "our ours ourselves out over own same she should so some such than that the their theirs them themselves then there " +
        "these they this those through to too under until up very was we were what when where which while who whom why will " +
        "with would you your yours yourself yourselves also however thus therefore via upon within without across among " +
        "may might must shall us whether yet either neither per etc eg ie one two three " +
        "s t d ll m re ve cannot " +
        "whose whereas hence moreover furthermore although though since unlike toward towards onto").Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EnglishLookup =
        English.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Allocation-free membership test for a folded token.</summary>
    public static bool IsEnglish(ReadOnlySpan<char> token) => EnglishLookup.Contains(token);
}
