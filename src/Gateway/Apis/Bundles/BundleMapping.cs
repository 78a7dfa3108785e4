using Grid.Contracts;
using Grid.Grains.Bundles;

namespace Grid.Gateway.Apis.Bundles;

/// <summary>Bundle grain records ↔ the HTTP contract.</summary>
internal static class BundleMapping
{
    public static ServiceBundleDto ToDto(this ServiceBundle b) => new(b.Code, b.Name, b.LeadDepartment, b.ItemCodes, b.Description);

    public static ServiceBundle ToModel(this ServiceBundleDto b) => new(b.Code, b.Name, b.LeadDepartment, b.ItemCodes ?? [], b.Description);

    public static ServiceBundleVersionDto ToDto(this ServiceBundleVersion v) => new(v.Bundle.ToDto(), v.Version, v.ChangedBy, v.ChangedUtc);

    public static MergedMaterialDto ToDto(this MergedMaterial m) =>
        new(m.Name, m.Type, m.Copies, m.Format, m.ElectronicRequired, m.Exempt, m.Required, m.ItemCodes);

    public static BundleApplicationDto ToDto(this BundleApplication a) => new(
        a.Id, a.BundleCode, a.RegionCode, a.ResidentId, a.SubmittedBy, a.SubmittedUtc,
        a.Items.Select(i => new ItemApprovalDto(i.ItemCode, i.ItemName, i.Department, i.State, i.DecidedBy, i.DecidedUtc, i.Note)).ToList(), a.Status);
}
