namespace Grid.Portal.Services;

// The catalog and delegation-list endpoints answer with the server's domain records rather than
// shared contracts; the portal reads only the fields below and ignores the rest.

public sealed record CatalogEntryView(string RegionCode, string Code, string Name, string? Type, string? Field, IReadOnlyList<string>? Levels, string? Department);

public sealed record TimeLimitView(int Days, string Unit);

public sealed record ServiceItemView(
    string Code, string Name, string? Type, string? Department, string? LegalBasis, string? ImplementingBody,
    string? AcceptanceConditions, int OnSiteVisits, string? Result, TimeLimitView? StatutoryTimeLimit,
    TimeLimitView? PromisedTimeLimit, IReadOnlyList<string>? ProcessSteps);

public sealed record ServiceItemVersionView(string RegionCode, int Version, ServiceItemView Item);

public sealed record GuideMaterialView(string Name, string Type, string Source, int Copies, string? Format, bool Exempt, bool Required);

public sealed record GuideFaqView(string Question, string Answer);

public sealed record ServiceGuideView(
    IReadOnlyList<GuideMaterialView>? Materials, string? Place, string? Phone, string? ComplaintAddress,
    IReadOnlyList<GuideFaqView>? Faq, string? PlainLanguageVersion);

public sealed record ServiceGuideVersionView(string RegionCode, string ItemCode, int Version, ServiceGuideView Guide);

public sealed record DelegationEntryView(string ItemCode, string ItemName, string? Department, string? TargetLevel);

public sealed record DelegationListView(string RegionCode, int Number, DateOnly EffectiveDate, IReadOnlyList<DelegationEntryView> Entries);
