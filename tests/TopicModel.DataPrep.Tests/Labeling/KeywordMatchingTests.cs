using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Papers;
using TopicModel.DataPrep.Taxonomies;
using TopicModel.ML;

namespace TopicModel.DataPrep.Tests.Labeling;

public class KeywordMatchingTests
{
    private static readonly Taxonomy Taxonomy = new("test", 1,
    [
        new Topic("agents", "Agents", "", ["agent", "api", "multi-agent", "tool use", "plan"]),
        new Topic("code", "Code", "", ["code"]),
        new Topic("reasoning", "Reasoning", "", ["reasoning", "chain-of-thought", "self-improve"]),
        new Topic("evaluation", "Evaluation", "", ["evaluate"]),
        new Topic("icl", "ICL", "", ["in-context learning", "in-context"]),
        new Topic("efficiency", "Efficiency", "", ["memory", "3d"]),
        new Topic("other", "Other", "", []),
    ]);

    private static readonly LabelingFunctionSet Functions = LabelingFunctionSet.FromTaxonomy(Taxonomy);

    private static Paper Paper(string title, string abstractText = "") =>
        new(PaperId.FromTitle(title), title, abstractText, "test", null, null, 1);

    /// <summary>Topics whose title function fires on <paramref name="title"/>.</summary>
    private static string[] TopicsIn(string title) =>
        Functions.Explain(Paper(title)).Hits.Select(h => h.Topic).Distinct().ToArray();

    [Theory]
    [InlineData("A rapid method", new string[0])]
    [InlineData("Calling APIs from Python", new[] { "agents" })]
    [InlineData("Encoder-decoder models and codebooks", new string[0])]
    [InlineData("Coding with LLMs: codes and Code", new[] { "code" })]
    [InlineData("Autonomous AGENTS", new[] { "agents" })]
    [InlineData("For this reason, we reason", new string[0])]
    [InlineData("Self-Improving language models", new[] { "reasoning" })]
    [InlineData("Self-improvement via feedback", new[] { "reasoning" })]
    [InlineData("Models evaluated on X; evaluating Y; an evaluation", new[] { "evaluation" })]
    [InlineData("Planning and planned actions", new[] { "agents" })]
    [InlineData("A planet far away", new string[0])]
    [InlineData("External memories", new[] { "efficiency" })]
    [InlineData("3D scenes", new[] { "efficiency" })]
    [InlineData("Three dimensional 3Dish things", new string[0])]
    public void Keywords_match_whole_words_and_their_inflections_only(string title, string[] expected)
    {
        Assert.Equal(expected, TopicsIn(title));
    }

    [Theory]
    [InlineData("Chain-of-Thought prompting")]
    [InlineData("chain of thought prompting")]
    [InlineData("Chains of thoughts")]
    public void Hyphenated_keywords_match_with_or_without_hyphens(string title)
    {
        Assert.Equal(["reasoning"], TopicsIn(title));
    }

    [Theory]
    [InlineData("Multi-Agent debate", "multi-agent")]
    [InlineData("Multi agent debate", "multi agent")]
    [InlineData("Multiagent debates", "multiagent")]
    public void Hyphenated_keywords_also_match_written_as_one_word(string title, string matched)
    {
        var hit = Assert.Single(Functions.Explain(Paper(title)).Hits);
        Assert.Equal("multi-agent", hit.Keyword);
        Assert.Equal(matched, hit.MatchedText);
    }

    [Fact]
    public void Multi_word_phrases_need_all_words_in_order()
    {
        Assert.Equal(["agents"], TopicsIn("Tools used by language models"));
        Assert.Empty(TopicsIn("A tool we can use"));
        Assert.Empty(TopicsIn("Use of a tool"));
    }

    [Fact]
    public void Overlapping_keywords_of_one_function_count_once_leftmost_longest()
    {
        var hits = Functions.Explain(Paper("In-context learning and in-context examples")).Hits;

        Assert.Equal(["in-context learning", "in-context"], hits.Select(h => h.Keyword));
        Assert.Equal([0, 4], hits.Select(h => h.TokenIndex));
    }

    [Fact]
    public void Evidence_says_which_keyword_fired_where()
    {
        var paper = Paper("LLM Agents", "We call an API. The agent writes code.");

        var hits = Functions.Explain(paper).Hits;

        Assert.Equal(
        [
            new KeywordHit("title:agents", "agents", PaperField.Title, "agent", "agents", 1),
            new KeywordHit("abstract:agents", "agents", PaperField.Abstract, "api", "api", 3),
            new KeywordHit("abstract:agents", "agents", PaperField.Abstract, "agent", "agent", 5),
            new KeywordHit("abstract:code", "code", PaperField.Abstract, "code", "code", 7),
        ], hits);
    }

    [Fact]
    public void Votes_follow_hits_titles_weigh_more_and_uncovered_papers_fall_back()
    {
        var papers = new[] { Paper("LLM agents", "We write code and more code."), Paper("Nothing here", "Nor here.") };

        var matrix = Functions.Apply(papers);

        var agents = IndexOf(matrix, "title:agents");
        var code = IndexOf(matrix, "abstract:code");
        Assert.Equal(Taxonomy.IndexOf("agents"), matrix.Vote(0, agents));
        Assert.Equal(Taxonomy.IndexOf("code"), matrix.Vote(0, code));
        Assert.Equal(2, matrix.Hits(0, code));
        Assert.Equal(2.0, matrix.FunctionWeights[agents]);
        Assert.Equal(1.0, matrix.FunctionWeights[code]);
        Assert.False(matrix.IsCovered(1));
        Assert.Equal(Taxonomy.IndexOf("other"), matrix.FallbackClass);
        Assert.Equal(12, matrix.FunctionCount);
    }

    [Fact]
    public void Min_keyword_hits_makes_single_mentions_abstain()
    {
        var strict = LabelingFunctionSet.FromTaxonomy(Taxonomy, new LabelingOptions(MinKeywordHits: 2));
        var matrix = strict.Apply([Paper("Agents", "We write code and more code. Agents plan.")]);

        Assert.Equal(LabelMatrix.Abstain, matrix.Vote(0, IndexOf(matrix, "title:agents")));
        Assert.Equal(Taxonomy.IndexOf("code"), matrix.Vote(0, IndexOf(matrix, "abstract:code")));
        Assert.Equal(Taxonomy.IndexOf("agents"), matrix.Vote(0, IndexOf(matrix, "abstract:agents")));
        Assert.Equal(0, matrix.Hits(0, IndexOf(matrix, "title:agents")));
    }

    [Fact]
    public void Bad_options_fail_with_clear_messages()
    {
        Assert.Contains("FallbackTopic 'misc'", Assert.Throws<TopicModelException>(() => LabelingFunctionSet.FromTaxonomy(Taxonomy, new LabelingOptions(FallbackTopic: "misc"))).Message);
        Assert.Contains("TitleWeight", Assert.Throws<TopicModelException>(() => LabelingFunctionSet.FromTaxonomy(Taxonomy, new LabelingOptions(TitleWeight: 0))).Message);
        Assert.Contains("MinKeywordHits", Assert.Throws<TopicModelException>(() => LabelingFunctionSet.FromTaxonomy(Taxonomy, new LabelingOptions(MinKeywordHits: 0))).Message);
        var noWords = new Taxonomy("t", 1, [new Topic("x", "X", "", ["--"]), new Topic("other", "O", "", [])]);
        Assert.Contains("'--'", Assert.Throws<TopicModelException>(() => LabelingFunctionSet.FromTaxonomy(noWords)).Message);
    }

    private static int IndexOf(LabelMatrix matrix, string function) => matrix.FunctionNames.ToList().IndexOf(function);
}
