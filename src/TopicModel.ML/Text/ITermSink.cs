namespace TopicModel.ML.Text;

/// <summary>Receives the terms <see cref="TermEnumerator"/> produces; a struct so calls inline.</summary>
internal interface ITermSink
{
    void Add(ReadOnlySpan<char> term, bool isCharNgram);
}
