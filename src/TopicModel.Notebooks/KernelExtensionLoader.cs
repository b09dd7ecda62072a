using System.Reflection;
using Microsoft.DotNet.Interactive;

namespace TopicModel.Notebooks;

/// <summary>
/// Loads the kernel extensions a NuGet package ships in <c>interactive-extensions/dotnet/</c> (Plotly.NET.Interactive's
/// chart formatter, Microsoft.Data.Analysis's DataFrame formatter), as the dotnet-interactive tool does after a
/// <c>#r "nuget: ..."</c>. The hosting API leaves this to the host.
/// </summary>
internal static class KernelExtensionLoader
{
    public static async Task LoadAsync(Kernel kernel, IReadOnlyList<ResolvedPackageReference> packages)
    {
        foreach (var package in packages)
        {
            var folder = Path.Combine(package.PackageRoot, "interactive-extensions", "dotnet");
            if (!Directory.Exists(folder)) continue;
            foreach (var file in Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal))
            {
                KernelInvocationContext.Current?.DisplayAs($"Loading extensions from `{file}`", "text/plain");
                var assembly = Assembly.LoadFrom(file);
                foreach (var type in assembly.GetExportedTypes().Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IKernelExtension).IsAssignableFrom(t)))
                    await ((IKernelExtension)Activator.CreateInstance(type)!).OnLoadAsync(kernel);
            }
        }
    }
}
