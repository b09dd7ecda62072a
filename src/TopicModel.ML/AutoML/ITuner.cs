namespace TopicModel.ML.AutoML;

/// <summary>
/// Proposes configurations and learns from their scores (higher is better). Deterministic for a given
/// seed and sequence of reports, so a search with a trial limit is reproducible.
/// </summary>
public interface ITuner
{
    /// <summary>Short name for logs and the leaderboard ("CostFrugal", "Random", "Grid").</summary>
    string Name { get; }

    /// <summary>The next configuration to try, or null when the tuner has nothing left to propose.</summary>
    Configuration? Propose();

    /// <summary>The score a proposed configuration reached; <see cref="double.NegativeInfinity"/> for a failed trial.</summary>
    void Report(Configuration configuration, double score);
}
