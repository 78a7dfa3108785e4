using Grid.Grains.Catalog;

namespace Grid.Grains.Bundles;

/// <summary>
/// Merges the items' guides into one set of materials: each material (by normalized name) once,
/// with the most copies any item asks, electronic if any asks, and required unless exempt.
/// </summary>
public static class MaterialMerger
{
    public static IReadOnlyList<MergedMaterial> Merge(IEnumerable<(string ItemCode, ServiceGuide? Guide)> guides)
    {
        var merged = new Dictionary<string, MergedMaterial>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (code, guide) in guides)
        {
            foreach (var m in guide?.Materials ?? [])
            {
                var key = GuideRules.Normalize(m.Name);
                if (!merged.TryGetValue(key, out var had))
                {
                    order.Add(key);
                    merged[key] = new MergedMaterial(m.Name.Trim(), m.Type, m.Copies, m.Format, m.ElectronicRequired, m.Exempt, m.Required, [code]);
                    continue;
                }
                var exempt = had.Exempt || m.Exempt;
                merged[key] = had with
                {
                    Type = had.Type == m.Type ? had.Type : MaterialType.OriginalAndCopy,
                    Copies = Math.Max(had.Copies, m.Copies),
                    ElectronicRequired = had.ElectronicRequired || m.ElectronicRequired,
                    Exempt = exempt,
                    Required = !exempt && (had.Required || m.Required),
                    ItemCodes = had.ItemCodes.Contains(code) ? had.ItemCodes : [.. had.ItemCodes, code],
                };
            }
        }
        return order.Select(k => merged[k]).ToList();
    }
}
