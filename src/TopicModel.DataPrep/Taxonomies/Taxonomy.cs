using System.Security.Cryptography;
using System.Text;

namespace TopicModel.DataPrep.Taxonomies;

/// <summary>
/// The topics papers are sorted into. Topic order is significant: topic index = class index
/// everywhere downstream. <see cref="FallbackId"/> is the topic for papers no rule covers ("other").
/// </summary>
public sealed record Taxonomy(string Name, int Version, IReadOnlyList<Topic> Topics)
{
    public const string OtherId = "other";

    public IReadOnlyList<string> Ids { get; } = Topics.Select(t => t.Id).ToArray();

    public int IndexOf(string topicId)
    {
        for (var i = 0; i < Topics.Count; i++)
        {
            if (Topics[i].Id == topicId) return i;
        }
        return -1;
    }

    public bool Contains(string topicId) => IndexOf(topicId) >= 0;

    /// <summary>Hash of the ordered topic ids: two taxonomies with the same hash label compatibly.</summary>
    public string IdsHash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', Ids))))[..16];
}
