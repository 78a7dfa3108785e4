using Grid.Geo;
using Grid.Grains.Regions;
using NetTopologySuite.IO;

namespace Grid.Grains.Seeding;

/// <summary>Every division with its children and synthetic geometry, through the grains or as definitions for the bulk path.</summary>
public sealed class RegionSeeder(IGrainFactory grains)
{
    public Task SeedAsync(IReadOnlyList<Division> divisions, GeographyModel geography, CancellationToken ct) =>
        Parallel.ForEachAsync(Definitions(divisions, geography), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct },
            async (d, _) => await grains.GetGrain<IRegionGrain>(d.Info.Code).DefineAsync(d));

    public static IEnumerable<RegionDefinition> Definitions(IReadOnlyList<Division> divisions, GeographyModel geography)
    {
        var children = divisions.ToLookup(d => d.ParentCode, StringComparer.Ordinal);
        var writer = new WKTWriter();
        RegionInfo Info(Division d) => new(d.Code12, d.Name, d.Level.ToRegionLevel(),
            d.Level == Geo.DivisionLevel.City ? null : d.ParentCode,
            d.Level == Geo.DivisionLevel.Village ? (d.IsCommunity ? VillageKind.Community : VillageKind.Village) : null,
            d.Level == Geo.DivisionLevel.Village ? geography.GridsOf(d.Code12).Count() : children[d.Code12].Count());
        foreach (var d in divisions)
        {
            var geometry = geography.GeometryOf(d.Code12);
            yield return new RegionDefinition(Info(d), children[d.Code12].Select(Info).ToList(),
                geometry is null ? null : writer.Write(geometry), GeometryIsSynthetic: true);
        }
    }
}
