using Microsoft.DotNet.Interactive.Documents;

namespace TopicModel.Notebooks;

/// <summary>The executed notebook (outputs and execution counts filled in), how many code cells ran, and the failure if one stopped the run.</summary>
public sealed record NotebookRunResult(string Path, InteractiveDocument Notebook, int CodeCellsRun, TimeSpan Elapsed, CellFailure? Failure)
{
    public bool Succeeded => Failure is null;
}
