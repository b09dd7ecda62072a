using TopicModel.DataPrep.Ingestion;
using TopicModel.DataPrep.Papers;
using TopicModel.TestSupport;
using TopicModel.Training.Pipelines;

namespace TopicModel.Training.Tests.Scoring;

/// <summary>
/// Scoring tokenizes a paper once for the featurizer, the keyword rules and the fold-in (<see cref="ScoringLexicon"/>);
/// on every real paper the project ships, that gives bit for bit what each component gives on its own.
/// </summary>
[Collection(TrainedModelCollection.Name)]
public sealed class OnePassScoringTests
{
    private readonly TextClassifier _classifier;
    private readonly ML.Lda.LdaModel _lda;
    private readonly RuleFeatures _rules;

    public OnePassScoringTests(TrainedModel trained)
    {
        var bundle = Training.Bundles.ModelBundleFile.Load(trained.BundlePath);
        _classifier = bundle.Classifier;
        // The bundle's topic model, whether or not its classifier took the mixture as features (the search decides).
        _lda = bundle.Lda!;
        // The bundle's rules, or the taxonomy's with default options when its classifier uses none.
        _rules = bundle.Classifier.Rules ?? new RuleFeatures(bundle.Taxonomy, new DataPrep.Labeling.LabelingOptions());
    }

    public static TheoryData<string> Inputs => new()
    {
        { "digests/000_97cca7786c7f0218.txt" },
        { "digests/001_a7ac521b53603ff9.txt" },
        { "forward/forward-2026.jsonl" },
    };

    private static List<Paper> Papers(string input) =>
        PaperReader.Read(Path.Combine(RepoPaths.Data, input)).Where(i => i.Paper is not null).Select(i => i.Paper!).ToList();

    [Theory]
    [MemberData(nameof(Inputs))]
    public void One_pass_gives_each_components_own_features_rule_hits_and_topic_mixture(string input)
    {
        var rules = _rules;
        var lda = _lda;
        var lexicon = ScoringLexicon.TryCreate(_classifier.Featurizer, rules, lda);
        Assert.NotNull(lexicon); // the shipped recipe's components analyze text alike
        var papers = Papers(input);
        Assert.True(papers.Count > 100, $"{input}: {papers.Count} papers");
        var hitsSeen = 0;
        foreach (var paper in papers)
        {
            var terms = lexicon.Read(paper);
            var expectedMixture = lda.InferText(LdaStep.Text(paper));
            Assert.Equal(expectedMixture, lda.InferIds(terms.LdaIds));

            var expectedHits = new int[rules.Functions.Functions.Count];
            rules.Functions.CountHits(paper, expectedHits);
            var hits = new int[expectedHits.Length];
            rules.Functions.CountHits(terms.TitleKeywordTokens, terms.AbstractKeywordTokens, hits);
            Assert.Equal(expectedHits, hits);
            hitsSeen += hits.Sum();

            var expected = _classifier.Featurizer.Transform(TextClassifier.Fields(paper));
            var features = _classifier.Featurizer.FromTermIds(terms.FeatureIds, terms.BlockEnds);
            Assert.Equal(expected.Dimension, features.Dimension);
            Assert.Equal(expected.Indices.ToArray(), features.Indices.ToArray());
            Assert.Equal(expected.Values.ToArray(), features.Values.ToArray());
        }
        Assert.True(hitsSeen > papers.Count, $"{input}: only {hitsSeen} keyword hits in {papers.Count} papers");
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void One_pass_prediction_is_the_component_paths_prediction(string input)
    {
        Assert.NotNull(_classifier.Lexicon);
        var topics = _classifier.Topics.Count;
        var papers = Papers(input);
        foreach (var paper in papers)
        {
            // The components' own path: the mixture inferred from the joined text, the featurizer and rules on the paper.
            var mixture = _classifier.Lda is { } lda ? TextClassifier.TopicMixture(lda, paper) : null;
            var expected = new float[topics];
            _classifier.Predict(paper, expected, mixture);
            var probabilities = new float[topics];
            Assert.Equal(mixture, _classifier.PredictWithTopicMixture(paper, probabilities));
            Assert.Equal(expected, probabilities);
        }
    }
}
