using System.Reflection;
using System.Runtime.Loader;

namespace TopicModel.Interactive;

/// <summary>
/// Plotly.NET 6 (and Plotly.NET.CSharp) are built against FSharp.Core 10.1; the dotnet-interactive kernel (1.0.712001)
/// ships and has already loaded FSharp.Core 10.0, and a process can hold only one FSharp.Core. Without this, the first
/// chart fails with "Could not load file or assembly 'FSharp.Core, Version=10.1.0.0'". A request for a newer
/// FSharp.Core is answered with the loaded one (the parts of 10.1 Plotly.NET calls exist in 10.0; the notebooks and CI
/// draw every chart through it). Nothing happens when the kernel's FSharp.Core is already new enough.
/// </summary>
internal static class FSharpCoreBinding
{
    private static int installed;

    public static void Install()
    {
        if (Interlocked.Exchange(ref installed, 1) == 0)
            AssemblyLoadContext.Default.Resolving += (_, name) => Resolve(name, AppDomain.CurrentDomain.GetAssemblies());
    }

    /// <summary>The loaded FSharp.Core when <paramref name="requested"/> asks for FSharp.Core, else null (not ours).</summary>
    internal static Assembly? Resolve(AssemblyName requested, IEnumerable<Assembly> loaded) =>
        requested.Name == "FSharp.Core" ? loaded.FirstOrDefault(a => a.GetName().Name == "FSharp.Core") : null;
}
