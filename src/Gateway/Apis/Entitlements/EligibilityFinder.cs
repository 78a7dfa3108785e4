using Grid.Contracts;
using Grid.Grains.Entitlements;
using Grid.Grains.People;
using Grid.Grains.Regions;

namespace Grid.Gateway.Apis.Entitlements;

/// <summary>
/// Walks the villages of a region and applies a policy's rule: the village directories answer the
/// needs and care level; only residents who pass those are read in full, for the birth date.
/// </summary>
internal static class EligibilityFinder
{
    public static async Task<List<EligibleResidentDto>> FindAsync(IGrainFactory grains, EligibilityRule rule, string scope, DateOnly today)
    {
        var villages = await VillagesAsync(grains, scope);
        var perVillage = await Task.WhenAll(villages.Select(async village =>
        {
            var summaries = await grains.GetGrain<IVillageDirectoryGrain>(village).GetResidentsAsync();
            var candidates = summaries.Where(s => EligibilityRules.Evaluate(rule with { MinAge = null, MaxAge = null },
                new ResidentFacts(s.Needs, s.CareLevel, null), today).Eligible).ToList();
            var profiles = await Task.WhenAll(candidates.Select(s => grains.GetGrain<IResidentGrain>(s.Id).GetAsync()));
            return profiles.OfType<ResidentProfile>().Select(p =>
            {
                var (ok, reasons) = EligibilityRules.Evaluate(rule, new ResidentFacts(p.Needs, p.CareLevel, EligibilityRules.BirthDateOf(p.IdNumber)), today);
                return ok ? new EligibleResidentDto(p.Id, PersonalDataMask.Name(p.Name), PersonalDataMask.IdNumber(p.IdNumber), p.VillageCode, p.GridId, reasons) : null;
            }).OfType<EligibleResidentDto>().ToList();
        }));
        return perVillage.SelectMany(r => r).OrderBy(r => r.ResidentId, StringComparer.Ordinal).ToList();
    }

    private static async Task<List<string>> VillagesAsync(IGrainFactory grains, string scope)
    {
        if (RegionCodes.LevelOf(scope) == RegionLevel.Village) return [scope];
        var children = await grains.GetGrain<IRegionGrain>(scope).GetChildrenAsync();
        var below = await Task.WhenAll(children.Select(c => VillagesAsync(grains, c.Code)));
        return below.SelectMany(v => v).ToList();
    }
}
