using Grid.Contracts;

namespace Grid.Grains.Catalog;

/// <summary>Filters and pages catalog entries; text matches names and codes, Chinese included, ignoring case and spaces.</summary>
public static class CatalogSearch
{
    public static CatalogPage Run(IEnumerable<CatalogEntry> entries, CatalogQuery q)
    {
        var text = q.Text is null ? null : string.Concat(q.Text.Where(c => !char.IsWhiteSpace(c)));
        var region = string.IsNullOrEmpty(q.RegionCode) ? RegionCodes.City : q.RegionCode;
        var matches = entries
            .Where(e => e.RegionCode == region)
            .Where(e => string.IsNullOrEmpty(text) || Matches(e, text))
            .Where(e => string.IsNullOrEmpty(q.Code) || e.Code.StartsWith(q.Code.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(e => q.Type is null || e.Type == q.Type)
            .Where(e => q.Field is null || e.Field == q.Field)
            .Where(e => q.Level is null || e.Levels.Contains(q.Level.Value))
            .Where(e => string.IsNullOrEmpty(q.Department) || e.Department == q.Department)
            .OrderBy(e => e.Code, StringComparer.Ordinal)
            .ToList();
        return new CatalogPage(matches.Skip(q.PageIndex * q.PageSize).Take(q.PageSize).ToList(), matches.Count);
    }

    private static bool Matches(CatalogEntry e, string text) =>
        e.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
        || e.Code.Contains(text, StringComparison.OrdinalIgnoreCase)
        || e.Department.Contains(text, StringComparison.Ordinal);
}
