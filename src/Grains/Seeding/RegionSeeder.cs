using Grid.Geo;
using Grid.Grains.Regions;
using NetTopologySuite.IO;

namespace Grid.Grains.Seeding;

internal sealed class RegionSeeder(IGrainFactory grains)
{
    public async Task SeedAsync(IReadOnlyList<Division> divisions, GeographyModel geography, CancellationToken ct)
    {
        var children = divisions.ToLookup(d => d.ParentCode, StringComparer.Ordinal);
        var writer = new WKTWriter();
        RegionInfo Info(Division d) => new(d.Code12, d.Name, d.Level.ToRegionLevel(),
            d.Level == Geo.DivisionLevel.City ? null : d.ParentCode,
            d.Level == Geo.DivisionLevel.Village ? (d.IsCommunity ? VillageKind.Community : VillageKind.Village) : null,
            d.Level == Geo.DivisionLevel.Village ? geography.GridsOf(d.Code12).Count() : children[d.Code12].Count());

        await Parallel.ForEachAsync(divisions, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct }, async (d, _) =>
        {
            var kids = children[d.Code12].Select(Info).ToList();
            var geometry = geography.GeometryOf(d.Code12);
            await grains.GetGrain<IRegionGrain>(d.Code12).DefineAsync(
                new RegionDefinition(Info(d), kids, geometry is null ? null : writer.Write(geometry), GeometryIsSynthetic: true));
        });
    }
}
