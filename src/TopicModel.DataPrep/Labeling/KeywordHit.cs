namespace TopicModel.DataPrep.Labeling;

/// <summary>One keyword occurrence that made a function fire: what matched, where.</summary>
/// <param name="Keyword">The taxonomy keyword as written there.</param>
/// <param name="MatchedText">The folded text it matched ("agents" for keyword "agent").</param>
/// <param name="TokenIndex">Position of the first matched word among the field's words.</param>
public sealed record KeywordHit(string Function, string Topic, PaperField Field, string Keyword, string MatchedText, int TokenIndex);
