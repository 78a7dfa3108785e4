namespace Grid.Contracts;

public enum ApprovalState { Pending, Approved, Rejected }

public enum BundleApplicationStatus { InProgress, Approved, PartlyRejected }

/// <summary>A one-thing service (一件事, Art. 18): related items applied for once, led by one department.</summary>
public sealed record ServiceBundleDto(string Code, string Name, string LeadDepartment, IReadOnlyList<string> ItemCodes, string Description);

public sealed record ServiceBundleVersionDto(ServiceBundleDto Bundle, int Version, string ChangedBy, DateTime ChangedUtc);

/// <summary>A material of the bundle's one set (一套申请材料): asked for once, however many items need it.</summary>
public sealed record MergedMaterialDto(
    string Name, MaterialType Type, int Copies, string Format, bool ElectronicRequired, bool Exempt, bool Required, IReadOnlyList<string> ItemCodes);

public sealed record BundleDetailDto(ServiceBundleVersionDto Bundle, IReadOnlyList<CatalogEntryDto> Items, IReadOnlyList<MergedMaterialDto> Materials);

/// <summary>Where the application is handled (a village or township code) and, for staff, the resident applied for.</summary>
public sealed record BundleApplyRequest(string RegionCode, string? ResidentId);

public sealed record BundleDecisionRequest(bool Approved, string? Note);

/// <summary>One item's back-office approval inside a bundle application (后台并联审批).</summary>
public sealed record ItemApprovalDto(string ItemCode, string ItemName, string Department, ApprovalState State, string? DecidedBy, DateTime? DecidedUtc, string? Note);

public sealed record BundleApplicationDto(
    string Id, string BundleCode, string RegionCode, string? ResidentId, string SubmittedBy, DateTime SubmittedUtc,
    IReadOnlyList<ItemApprovalDto> Items, BundleApplicationStatus Status);
