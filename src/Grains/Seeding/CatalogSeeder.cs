using System.Text.Json;
using System.Text.Json.Serialization;
using Grid.Contracts;
using Grid.Grains.Bundles;
using Grid.Grains.Catalog;
using Grid.Grains.Entitlements;

namespace Grid.Grains.Seeding;

/// <summary>
/// Seeds the starter catalog (data/catalog/xianning-starter-catalog.json, embedded): the city's
/// items with their guides, the one-thing bundles and the no-application benefits. Only what is
/// missing is written, so running it again changes nothing.
/// </summary>
public sealed class CatalogSeeder(IGrainFactory grains)
{
    private static readonly Actor Seed = new("seed", Roles.Admin, null, RegionCodes.City);
    private const string Reason = "starter catalog (demo seed)";

    public async Task<int> SeedAsync(CancellationToken ct)
    {
        var file = Load();
        await Task.WhenAll(file.Items.Select(SeedItemAsync));
        ct.ThrowIfCancellationRequested();
        var bundles = grains.GetGrain<IBundleCatalogGrain>(BundleCatalogGrain.Key);
        foreach (var b in file.Bundles)
            if (await bundles.GetAsync(b.Code) is null) await bundles.SaveAsync(b, null, Seed);
        var policies = grains.GetGrain<IEntitlementCatalogGrain>(EntitlementCatalogGrain.Key);
        foreach (var p in file.Entitlements)
            if (await policies.GetAsync(p.Id) is null) await policies.SaveAsync(p, null, Seed);
        return file.Items.Count;
    }

    private async Task SeedItemAsync(SeedItem s)
    {
        var grain = grains.GetGrain<IServiceItemGrain>(ServiceItemGrain.KeyOf(RegionCodes.City, s.Code));
        if (await grain.GetAsync() is null)
            await grain.SaveAsync(new ServiceItem(s.Code, s.Name, s.Type, s.Field, s.Department, s.LegalBasis, s.ImplementingBody,
                s.AcceptanceConditions, s.OnSiteVisits, s.Result, s.QuantityLimit,
                s.StatutoryDays is { } d ? new TimeLimit(d, TimeLimitUnit.WorkingDays) : null, new TimeLimit(s.PromisedDays, TimeLimitUnit.WorkingDays),
                s.ProcessSteps, s.Levels, s.RequiredSkills), null, Seed, Reason);
        if (await grain.GetGuideAsync() is null)
            await grain.SaveGuideAsync(new ServiceGuide(
                s.Materials.Select(m => new GuideMaterial(m.Name, m.Type, m.Source, m.Copies, "A4纸质或电子证照", "真实有效、信息完整、与原件一致",
                    ElectronicRequired: false, m.Exempt, m.Required)).ToList(),
                "县(市、区)政务服务中心综合窗口;乡镇(街道)便民服务中心;村(社区)党群服务中心代办点",
                "12345", "咸宁市12345政务服务便民热线,或湖北政务服务网“好差评”",
                [new GuideFaq("可以由他人代办吗?", "可以。行动不便的老年人、残疾人等可由网格员或家属持授权委托书帮办代办。")],
                [new GuideSample($"{s.Name}申请表(填写示范)", SampleKind.ExampleText, $"/samples/{s.Code}/example.pdf")],
                $"{s.Name}:{s.AcceptanceConditions},可到就近便民服务中心或请网格员帮办。", null, null), null, Seed, Reason);
    }

    private static StarterCatalog Load()
    {
        using var stream = typeof(CatalogSeeder).Assembly.GetManifestResourceStream("Grid.StarterCatalog.json")
            ?? throw new InvalidOperationException("The starter catalog is not embedded in Grid.Grains.");
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        return JsonSerializer.Deserialize<StarterCatalog>(stream, options) ?? throw new InvalidOperationException("The starter catalog is empty.");
    }

    private sealed record StarterCatalog(List<SeedItem> Items, List<ServiceBundle> Bundles, List<EntitlementPolicy> Entitlements);

    private sealed record SeedMaterial(string Name, MaterialSource Source, bool Required, bool Exempt, MaterialType Type, int Copies);

    private sealed record SeedItem(string Code, string Name, ServiceItemType Type, PublicServiceField? Field, string Department,
        string LegalBasis, string ImplementingBody, string AcceptanceConditions, int OnSiteVisits, string Result, string QuantityLimit,
        int? StatutoryDays, int PromisedDays, List<string> ProcessSteps, List<ServiceLevel> Levels, List<string> RequiredSkills,
        List<SeedMaterial> Materials);
}
