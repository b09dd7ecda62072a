using Microsoft.ML;
using TopicModel.Training.Bundles;

namespace TopicModel.Training.Interop;

/// <summary>
/// A trained bundle as an ML.NET <see cref="ITransformer"/>: it reads the <c>Title</c> and <c>Abstract</c> columns
/// (<see cref="PaperText"/>) and adds <c>Topic</c>, <c>Probability</c> and <c>Probabilities</c> (<see cref="TopicPrediction"/>),
/// so it works with <c>PredictionEngine&lt;PaperText, TopicPrediction&gt;</c>, inside a larger ML.NET pipeline, and
/// through <c>mlContext.Model.Save</c>/<c>Load</c>. It is a custom mapping: ML.NET saves only its contract name, so
/// before loading such a model, <see cref="Register"/> the bundle (one per process).
/// </summary>
public static class BundleTransformer
{
    public const string ContractName = "TopicModel.Bundle";

    private static ModelBundle? _registered;

    /// <summary>The bundle that <see cref="BundleMappingFactory"/> serves to <c>mlContext.Model.Load</c>.</summary>
    public static ModelBundle? Registered => Volatile.Read(ref _registered);

    /// <summary>
    /// Loads the bundle, makes it the one a loaded ML.NET model maps with, and registers this assembly's factory in
    /// <paramref name="mlContext"/>'s component catalog. Returns the bundle.
    /// </summary>
    public static ModelBundle Register(MLContext mlContext, string bundlePath) => Register(mlContext, ModelBundleFile.Load(bundlePath));

    public static ModelBundle Register(MLContext mlContext, ModelBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        Volatile.Write(ref _registered, bundle);
        mlContext.ComponentCatalog.RegisterAssembly(typeof(BundleMappingFactory).Assembly);
        return bundle;
    }

    /// <summary>The registered bundle's mapping as an estimator, to append to an ML.NET pipeline.</summary>
    public static IEstimator<ITransformer> Estimator(MLContext mlContext)
    {
        var bundle = Registered ?? throw new ML.TopicModelException("register a bundle first: BundleTransformer.Register(mlContext, bundlePath)");
        return mlContext.Transforms.CustomMapping(BundleMappingFactory.Mapping(bundle), ContractName);
    }

    /// <summary>The registered bundle as a fitted transformer (the mapping has nothing to learn).</summary>
    public static ITransformer Create(MLContext mlContext) =>
        Estimator(mlContext).Fit(mlContext.Data.LoadFromEnumerable(Array.Empty<PaperText>()));
}
