namespace Grid.Contracts;

/// <summary>Kinds of service item in the basic catalog (服务事项基本清单, Art. 10).</summary>
public enum ServiceItemType
{
    AdministrativeLicensing,      // 行政许可
    AdministrativeConfirmation,   // 行政确认
    AdministrativeAdjudication,   // 行政裁决
    AdministrativePayment,        // 行政给付
    AdministrativeReward,         // 行政奖励
    AdministrativeFiling,         // 行政备案
    OtherAdministrativePower,     // 其他行政权力
    PublicService,                // 公共服务 (has a field)
}

/// <summary>The field of a public service (公共服务).</summary>
public enum PublicServiceField { Education, Employment, SocialInsurance, Health, ElderlyCare, SocialServices, Housing, Culture, Disability }

public enum ServiceLevel { Province, City, County, Township, Village }

public enum TimeLimitUnit { WorkingDays, CalendarDays }

/// <summary>原件 / 复印件 / 原件和复印件 / 电子材料.</summary>
public enum MaterialType { Original, Copy, OriginalAndCopy, Electronic }

/// <summary>Where a material comes from (来源渠道): 申请人自备 / 政府部门核发 / 数据共享获取 / 其他.</summary>
public enum MaterialSource { Applicant, IssuedByGovernment, DataSharing, Other }

/// <summary>示范文本 / 格式样表.</summary>
public enum SampleKind { ExampleText, BlankForm }

/// <summary>A time limit; zero days means handled on the spot (即办).</summary>
public sealed record TimeLimitDto(int Days, TimeLimitUnit Unit);

/// <summary>A service item as one region keeps it; <c>RequiredSkills</c> are what dispatch matches against workers.</summary>
public sealed record ServiceItemDto(
    string Code, string Name, ServiceItemType Type, PublicServiceField? Field, string Department, string LegalBasis,
    string ImplementingBody, string AcceptanceConditions, int OnSiteVisits, string Result, string QuantityLimit,
    TimeLimitDto? StatutoryTimeLimit, TimeLimitDto PromisedTimeLimit, IReadOnlyList<string> ProcessSteps,
    IReadOnlyList<ServiceLevel> Levels, IReadOnlyList<string> RequiredSkills);

/// <summary>One saved version of a region's item: who changed it, when (UTC) and why.</summary>
public sealed record ServiceItemVersionDto(string RegionCode, int Version, ServiceItemDto Item, string ChangedBy, string Reason, DateTime ChangedUtc);

/// <summary>One line of a catalog search.</summary>
public sealed record CatalogEntryDto(
    string RegionCode, string Code, string Name, ServiceItemType Type, PublicServiceField? Field,
    IReadOnlyList<ServiceLevel> Levels, string Department, int Version, IReadOnlyList<string> RequiredSkills);

/// <summary>A guide's material; <c>Exempt</c> is the portal's 免提交 mark, <c>Required</c> says the applicant hands it in.</summary>
public sealed record GuideMaterialDto(
    string Name, MaterialType Type, MaterialSource Source, int Copies, string Format, string AcceptanceStandard,
    bool ElectronicRequired, bool Exempt, bool Required);

public sealed record GuideFaqDto(string Question, string Answer);

public sealed record GuideSampleDto(string Title, SampleKind Kind, string Url);

/// <summary>A service guide (办事指南, Art. 14), with optional plain-language, illustrated and video versions.</summary>
public sealed record ServiceGuideDto(
    IReadOnlyList<GuideMaterialDto> Materials, string Place, string Phone, string ComplaintAddress, IReadOnlyList<GuideFaqDto> Faq,
    IReadOnlyList<GuideSampleDto> Samples, string? PlainLanguageVersion, string? IllustratedVersionUrl, string? VideoVersionUrl);

public sealed record ServiceGuideVersionDto(string RegionCode, string ItemCode, int Version, ServiceGuideDto Guide, string ChangedBy, string Reason, DateTime ChangedUtc);

/// <summary>Create (no If-Match) or change (If-Match: the ETag read) a region's item, saying why.</summary>
public sealed record SaveItemRequest(ServiceItemDto Item, string Reason);

public sealed record SaveGuideRequest(ServiceGuideDto Guide, string Reason);

/// <summary>An element that differs between a region's version of an item and the city's.</summary>
public sealed record ElementDifferenceDto(string Element, string CityValue, string RegionValue);

public sealed record InconsistencyReportDto(string RegionCode, string ItemCode, string Name, IReadOnlyList<ElementDifferenceDto> Differences);
