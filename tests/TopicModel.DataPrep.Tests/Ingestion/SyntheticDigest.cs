namespace TopicModel.DataPrep.Tests.Ingestion;

/// <summary>Builds realistic digest lines (titles and multi-sentence abstracts) for synthetic inputs.</summary>
public static class SyntheticDigest
{
    public static string Title(int i) => $"Scaling Sparse Mixture-of-Experts Models for Task {i}: A Study of Routing";

    public static string Abstract(int i) =>
        $"We study how routing in sparse mixture-of-experts models behaves on task {i}. " +
        "Our experiments cover several model sizes and datasets. We find that load balancing matters more than expert count. " +
        "Code and checkpoints are released to support further research.";

    /// <summary>The page header of a daily papers page followed by title/abstract pairs, blank-line separated.</summary>
    public static string Page(int papers, string date = "Mar 14") =>
        "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nbyAK and the research community\n\n" + date + "\n\n" +
        string.Concat(Enumerable.Range(1, papers).Select(i => $"{Title(i)}\n\n{Abstract(i)}\n\n"));
}
