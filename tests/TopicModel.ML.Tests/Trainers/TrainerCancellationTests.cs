using TopicModel.ML.Trainers;

namespace TopicModel.ML.Tests.Trainers;

/// <summary>
/// Iterative trainers stop at the next pass once their token is cancelled, so an AutoML deadline or
/// Ctrl+C does not wait for a long fit to finish.
/// </summary>
public sealed class TrainerCancellationTests
{
    public static TheoryData<string> Iterative => [SdcaMaximumEntropy.TrainerName, LbfgsMaximumEntropy.TrainerName, OneVersusAll.TrainerName, FastTree.TrainerName];

    private static IMulticlassTrainer Create(string name) => name switch
    {
        SdcaMaximumEntropy.TrainerName => new SdcaMaximumEntropy(),
        LbfgsMaximumEntropy.TrainerName => new LbfgsMaximumEntropy(),
        FastTree.TrainerName => new FastTree(new FastTreeOptions { NumberOfTrees = 5 }),
        _ => new OneVersusAll(),
    };

    [Theory]
    [MemberData(nameof(Iterative))]
    public void A_cancelled_token_stops_the_fit(string name)
    {
        var data = SyntheticData.Topics(200, 4, 60, 20, 0.7, seed: 5);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Create(name).Fit(data, cancelled.Token));
        // The same trainer without a token still fits: cancellation is per call, not a state.
        Assert.NotNull(Create(name).Fit(data, CancellationToken.None));
    }
}
