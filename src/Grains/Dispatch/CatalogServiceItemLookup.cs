using Grid.Contracts;
using Grid.Grains.Catalog;

namespace Grid.Grains.Dispatch;

/// <summary>
/// Service items from the catalog (the city's version of the item): its name and the helper
/// skills it requires. Codes the catalog does not hold are refused, except dispatch's own care visit.
/// </summary>
public sealed class CatalogServiceItemLookup(IGrainFactory grains) : IServiceItemLookup
{
    public async Task<ServiceItemInfo?> FindAsync(string code)
    {
        if (code == CareVisitGrain.ItemCode) return new ServiceItemInfo(code, "关爱走访", []);
        if (!ProvisionalServiceItemLookup.IsWellFormed(code)) return null;
        var found = await grains.GetGrain<IServiceItemGrain>(CatalogKeys.ServiceItem(RegionCodes.City, code)).GetAsync();
        return found is null ? null : new ServiceItemInfo(found.Item.Code, found.Item.Name, found.Item.RequiredSkills);
    }
}
