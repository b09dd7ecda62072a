namespace TopicModel.DataPrep.Labeling;

/// <summary>A fitted, immutable label model.</summary>
public interface IFittedLabelModel
{
    string Name { get; }

    /// <summary>What the model learned about each function, in the matrix's function order.</summary>
    IReadOnlyList<LabelingFunctionEstimate> Functions { get; }

    /// <summary>
    /// One label per paper of <paramref name="matrix"/> (which must have the functions and classes the
    /// model was fitted on). Null for a paper no function covers when the matrix has no fallback class.
    /// </summary>
    IReadOnlyList<WeakLabel?> Predict(LabelMatrix matrix);
}
