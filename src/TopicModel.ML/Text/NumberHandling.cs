namespace TopicModel.ML.Text;

/// <summary>What the analyzer does with tokens made only of digits ("2023", "65").</summary>
public enum NumberHandling
{
    /// <summary>Numbers are dropped: in abstracts they are counts and years, not topics.</summary>
    Remove,
    /// <summary>Numbers are kept as they are.</summary>
    Keep,
    /// <summary>Every number becomes the one token <see cref="TokenAnalyzer.NumberToken"/>, so "numbers are present" remains a feature.</summary>
    Replace,
}
