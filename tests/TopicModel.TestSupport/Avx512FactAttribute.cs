using System.Runtime.Intrinsics;
using Xunit;

namespace TopicModel.TestSupport;

/// <summary>
/// A fact about what changes when the runtime may not use AVX-512 (DOTNET_EnableAVX512=0): only a host that has it can
/// show a difference, so elsewhere xunit reports the fact as skipped, not passed.
/// </summary>
public sealed class Avx512FactAttribute : FactAttribute
{
    public Avx512FactAttribute()
    {
        if (!Vector512.IsHardwareAccelerated)
            Skip = "this CPU has no AVX-512, so scoring with and without it cannot differ here";
    }
}
