using Grid.Gateway.Security.Access;
using System.Security.Claims;
using Grid.Contracts;
using Grid.Gateway.Apis.Common;
using Grid.Grains.Catalog;
using Grid.Grains.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Grid.Gateway.Apis.Catalog;

/// <summary>The service-item catalog (Art. 10) and guides (Art. 14): public reads, department edits, consistency checks.</summary>
public static class CatalogApi
{
    private static readonly string[] Editors = [Roles.Department, Roles.DataBureau, Roles.Admin];
    private static readonly string[] Staff = [Roles.Department, Roles.DataBureau, Roles.Admin, Roles.Coordinator];

    public static RouteGroupBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/catalog").WithTags("Catalog");
        api.MapGet("/items", Search).WithName("SearchCatalog").WithSummary("Search a region's items by name or code (Chinese included), type, field, level and department; paged.").AllowAnonymous();
        api.MapGet("/regions/{region}/items/{code}", GetItem).WithName("GetServiceItem").WithSummary("A region's current version of an item; ETag is its version.").AllowAnonymous();
        api.MapGet("/regions/{region}/items/{code}/versions", GetItemHistory).WithName("GetServiceItemVersions").WithSummary("Every version of an item with who changed it and why.").RequireAuthorization(p => p.RequireRole(Staff));
        api.MapPut("/regions/{region}/items/{code}", PutItem).WithName("PutServiceItem").WithSummary("Create (no If-Match) or change (If-Match) a region's item; a region's version must agree with the city's in common elements.").RequireAuthorization(p => p.RequireRole(Editors));
        api.MapGet("/regions/{region}/items/{code}/guide", GetGuide).WithName("GetServiceGuide").WithSummary("The service guide (办事指南) of a region's item.").AllowAnonymous();
        api.MapPut("/regions/{region}/items/{code}/guide", PutGuide).WithName("PutServiceGuide").WithSummary("Create or change a guide; refused if it requires an exempt (免提交) or data-shared material.").RequireAuthorization(p => p.RequireRole(Editors));
        api.MapGet("/regions/{region}/consistency", CheckConsistency).WithName("CheckCatalogConsistency").WithSummary("Every item in a region that differs from the city's version in a common element.").RequireAuthorization(p => p.RequireRole(Staff));
        return api;
    }

    public static async Task<Ok<Page<CatalogEntryDto>>> Search(IGrainFactory grains, string? q, string? code, ServiceItemType? type,
        PublicServiceField? field, ServiceLevel? level, string? region, string? department, [AsParameters] PageQuery paging)
    {
        var (index, size) = paging.Checked();
        if (region is not null && !RegionCodes.IsValid(region)) throw ValidationException.For("region", "Use a 12-digit region code, or leave it out for the city's catalog.");
        var result = await grains.GetGrain<ICatalogIndexGrain>(CatalogIndexGrain.Key)
            .SearchAsync(new CatalogQuery(q?.Trim(), code, type, field, level, region, department, index, size));
        return TypedResults.Ok(new Page<CatalogEntryDto>(result.Items.Select(e => e.ToDto()).ToList(), index, size, result.Total));
    }

    public static async Task<Results<Ok<ServiceItemVersionDto>, ProblemHttpResult>> GetItem(string region, string code, IGrainFactory grains, HttpResponse response)
    {
        await Check(grains, region, code);
        if (await Item(grains, region, code).GetAsync() is not { } v) return Problems.NotFound($"Region {region} has no item {code}.");
        response.Headers.ETag = HttpConcurrency.ETag(v.Version);
        return TypedResults.Ok(v.ToDto());
    }

    public static async Task<Ok<IReadOnlyList<ServiceItemVersionDto>>> GetItemHistory(string region, string code, IGrainFactory grains)
    {
        await Check(grains, region, code);
        return TypedResults.Ok<IReadOnlyList<ServiceItemVersionDto>>((await Item(grains, region, code).GetHistoryAsync()).Select(v => v.ToDto()).ToList());
    }

    public static async Task<Results<Ok<ServiceItemVersionDto>, ProblemHttpResult>> PutItem(string region, string code, SaveItemRequest request,
        ClaimsPrincipal user, AccessService access, IGrainFactory grains, HttpContext http)
    {
        await Check(grains, region, code);
        access.Scope(region, Act.Change);
        try
        {
            var item = request.Item ?? throw ValidationException.For("item", "Send the item's fields under 'item'.");
            var saved = await Item(grains, region, code).SaveAsync(item.ToModel(), http.Request.IfMatch(), user.CatalogActor(), request.Reason);
            http.Response.Headers.ETag = HttpConcurrency.ETag(saved.Version);
            return TypedResults.Ok(saved.ToDto());
        }
        catch (CatalogInconsistencyException e) { return CatalogHttp.Inconsistent(e); }
    }

    public static async Task<Results<Ok<ServiceGuideVersionDto>, ProblemHttpResult>> GetGuide(string region, string code, IGrainFactory grains, HttpResponse response)
    {
        await Check(grains, region, code);
        if (await Item(grains, region, code).GetGuideAsync() is not { } g) return Problems.NotFound($"Region {region} has no guide for {code}.");
        response.Headers.ETag = HttpConcurrency.ETag(g.Version);
        return TypedResults.Ok(g.ToDto());
    }

    public static async Task<Results<Ok<ServiceGuideVersionDto>, ProblemHttpResult>> PutGuide(string region, string code, SaveGuideRequest request,
        ClaimsPrincipal user, AccessService access, IGrainFactory grains, HttpContext http)
    {
        await Check(grains, region, code);
        access.Scope(region, Act.Change);
        try
        {
            var guide = request.Guide ?? throw ValidationException.For("guide", "Send the guide's fields under 'guide'.");
            var saved = await Item(grains, region, code).SaveGuideAsync(guide.ToModel(), http.Request.IfMatch(), user.CatalogActor(), request.Reason);
            http.Response.Headers.ETag = HttpConcurrency.ETag(saved.Version);
            return TypedResults.Ok(saved.ToDto());
        }
        catch (CatalogInconsistencyException e) { return CatalogHttp.Inconsistent(e); }
    }

    public static async Task<Ok<IReadOnlyList<InconsistencyReportDto>>> CheckConsistency(string region, AccessService access, IGrainFactory grains)
    {
        await RegionScope.RequireRegionAsync(grains, region);
        access.Scope(region);
        var entries = (await grains.GetGrain<ICatalogIndexGrain>(CatalogIndexGrain.Key).InRegionAsync(region))
            .Where(e => e.RegionCode != RegionCodes.City).ToList();
        var reports = await Task.WhenAll(entries.Select(async e =>
        {
            var local = Item(grains, e.RegionCode, e.Code);
            var city = Item(grains, RegionCodes.City, e.Code);
            var (li, ci, lg, cg) = (await local.GetAsync(), await city.GetAsync(), await local.GetGuideAsync(), await city.GetGuideAsync());
            var diffs = new List<ElementDifference>();
            if (li is not null && ci is not null) diffs.AddRange(ConsistencyRules.Compare(ci.Item, li.Item));
            if (lg is not null && cg is not null) diffs.AddRange(ConsistencyRules.CompareGuides(cg.Guide, lg.Guide));
            return new InconsistencyReportDto(e.RegionCode, e.Code, e.Name, diffs.Select(d => d.ToDto()).ToList());
        }));
        return TypedResults.Ok<IReadOnlyList<InconsistencyReportDto>>(reports.Where(r => r.Differences.Count > 0)
            .OrderBy(r => r.RegionCode, StringComparer.Ordinal).ThenBy(r => r.ItemCode, StringComparer.Ordinal).ToList());
    }

    private static IServiceItemGrain Item(IGrainFactory grains, string region, string code) =>
        grains.GetGrain<IServiceItemGrain>(ServiceItemGrain.KeyOf(region, code));

    private static async Task Check(IGrainFactory grains, string region, string code)
    {
        CatalogHttp.RequireItemCode(code);
        await RegionScope.RequireRegionAsync(grains, region);
    }
}
