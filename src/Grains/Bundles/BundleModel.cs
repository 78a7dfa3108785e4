using Grid.Grains.Catalog;

namespace Grid.Grains.Bundles;

/// <summary>A one-thing service (一件事, Art. 18): related items applied for once, led by one department.</summary>
[GenerateSerializer, Immutable, Alias("grid.service-bundle")]
public sealed record ServiceBundle(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] string LeadDepartment,
    [property: Id(3)] IReadOnlyList<string> ItemCodes,
    [property: Id(4)] string Description);

[GenerateSerializer, Immutable, Alias("grid.service-bundle-version")]
public sealed record ServiceBundleVersion(
    [property: Id(0)] ServiceBundle Bundle,
    [property: Id(1)] int Version,
    [property: Id(2)] string ChangedBy,
    [property: Id(3)] DateTime ChangedUtc);

/// <summary>A material of the bundle's one set (一套申请材料): asked for once, however many items need it.</summary>
public sealed record MergedMaterial(
    string Name,
    MaterialType Type,
    int Copies,
    string Format,
    bool ElectronicRequired,
    bool Exempt,
    bool Required,
    IReadOnlyList<string> ItemCodes);

/// <summary>One item's back-office approval inside a bundle application (后台并联审批).</summary>
[GenerateSerializer, Immutable, Alias("grid.item-approval")]
public sealed record ItemApproval(
    [property: Id(0)] string ItemCode,
    [property: Id(1)] string ItemName,
    [property: Id(2)] string Department,
    [property: Id(3)] ApprovalState State,
    [property: Id(4)] string? DecidedBy,
    [property: Id(5)] DateTime? DecidedUtc,
    [property: Id(6)] string? Note);

[GenerateSerializer, Immutable, Alias("grid.bundle-application")]
public sealed record BundleApplication(
    [property: Id(0)] string Id,
    [property: Id(1)] string BundleCode,
    [property: Id(2)] string RegionCode,
    [property: Id(3)] string? ResidentId,
    [property: Id(4)] string SubmittedBy,
    [property: Id(5)] DateTime SubmittedUtc,
    [property: Id(6)] IReadOnlyList<ItemApproval> Items,
    [property: Id(7)] BundleApplicationStatus Status);
