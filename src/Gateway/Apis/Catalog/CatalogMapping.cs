using Grid.Contracts;
using Grid.Grains.Catalog;

namespace Grid.Gateway.Apis.Catalog;

/// <summary>Catalog grain records ↔ the HTTP contract; the only place the catalog's wire shape is decided.</summary>
internal static class CatalogMapping
{
    public static TimeLimitDto ToDto(this TimeLimit t) => new(t.Days, t.Unit);

    public static ServiceItemDto ToDto(this ServiceItem i) => new(
        i.Code, i.Name, i.Type, i.Field, i.Department, i.LegalBasis, i.ImplementingBody, i.AcceptanceConditions, i.OnSiteVisits,
        i.Result, i.QuantityLimit, i.StatutoryTimeLimit?.ToDto(), i.PromisedTimeLimit.ToDto(), i.ProcessSteps, i.Levels, i.RequiredSkills);

    public static ServiceItemVersionDto ToDto(this ServiceItemVersion v) => new(v.RegionCode, v.Version, v.Item.ToDto(), v.ChangedBy, v.Reason, v.ChangedUtc);

    public static CatalogEntryDto ToDto(this CatalogEntry e) => new(e.RegionCode, e.Code, e.Name, e.Type, e.Field, e.Levels, e.Department, e.Version, e.RequiredSkills);

    public static ServiceGuideDto ToDto(this ServiceGuide g) => new(
        g.Materials.Select(m => new GuideMaterialDto(m.Name, m.Type, m.Source, m.Copies, m.Format, m.AcceptanceStandard, m.ElectronicRequired, m.Exempt, m.Required)).ToList(),
        g.Place, g.Phone, g.ComplaintAddress, g.Faq.Select(f => new GuideFaqDto(f.Question, f.Answer)).ToList(),
        g.Samples.Select(s => new GuideSampleDto(s.Title, s.Kind, s.Url)).ToList(), g.PlainLanguageVersion, g.IllustratedVersionUrl, g.VideoVersionUrl);

    public static ServiceGuideVersionDto ToDto(this ServiceGuideVersion v) => new(v.RegionCode, v.ItemCode, v.Version, v.Guide.ToDto(), v.ChangedBy, v.Reason, v.ChangedUtc);

    public static ElementDifferenceDto ToDto(this ElementDifference d) => new(d.Element, d.CityValue, d.RegionValue);

    // Requests: a missing list is an empty one, so the grain's rules see a whole record.
    public static ServiceItem ToModel(this ServiceItemDto i) => new(
        i.Code, i.Name, i.Type, i.Field, i.Department, i.LegalBasis, i.ImplementingBody, i.AcceptanceConditions, i.OnSiteVisits,
        i.Result, i.QuantityLimit, i.StatutoryTimeLimit is { } s ? new TimeLimit(s.Days, s.Unit) : null,
        i.PromisedTimeLimit is { } p ? new TimeLimit(p.Days, p.Unit) : null!, i.ProcessSteps ?? [], i.Levels ?? [], i.RequiredSkills ?? []);

    public static ServiceGuide ToModel(this ServiceGuideDto g) => new(
        (g.Materials ?? []).Select(m => new GuideMaterial(m.Name, m.Type, m.Source, m.Copies, m.Format, m.AcceptanceStandard, m.ElectronicRequired, m.Exempt, m.Required)).ToList(),
        g.Place, g.Phone, g.ComplaintAddress, (g.Faq ?? []).Select(f => new GuideFaq(f.Question, f.Answer)).ToList(),
        (g.Samples ?? []).Select(s => new GuideSample(s.Title, s.Kind, s.Url)).ToList(), g.PlainLanguageVersion, g.IllustratedVersionUrl, g.VideoVersionUrl);
}
