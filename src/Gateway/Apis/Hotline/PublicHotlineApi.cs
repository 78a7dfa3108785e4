using Grid.Contracts;
using Grid.Gateway.Apis.Common;
using Grid.Grains.Evaluations;
using Grid.Grains.Hotline;
using Grid.Grains.Regions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grid.Gateway.Apis.Hotline;

/// <summary>
/// Publication (公布, Art. 25): closed orders for anyone, without the caller, the description or the
/// address (the place only as its village or township); and CSV downloads of that list and of the
/// units' statistics.
/// </summary>
public static class PublicHotlineApi
{
    public static void MapPublicHotlineApi(this IEndpointRouteBuilder app)
    {
        var pub = app.MapGroup("/api/public/hotline").WithTags("Public").AllowAnonymous();
        pub.MapGet("/orders", Closed).WithName("ListPublicClosedWorkOrders")
            .WithSummary("Closed 12345 orders received in ?month (yyyy-MM, default this month), optionally of one ?category or ?unitId; paged; no personal data.");
        pub.MapGet("/orders.csv", ClosedCsv).WithName("ExportPublicClosedWorkOrders").Produces<string>(StatusCodes.Status200OK, HotlineCsv.ContentType)
            .WithSummary("The same closed orders as CSV (UTF-8 with BOM), all pages.");
        app.MapGet("/api/hotline/months/{month}/units.csv", StatisticsCsv).WithTags("Hotline").WithName("ExportHandlingUnitStatistics")
            .RequireAuthorization(p => p.RequireRole(HotlineMapping.SupervisorRoles)).Produces<string>(StatusCodes.Status200OK, HotlineCsv.ContentType)
            .WithSummary("The units' statistics of a month in ?region as CSV (UTF-8 with BOM): the same rows and columns as GET …/units.");
    }

    public static async Task<Ok<Page<PublicWorkOrderDto>>> Closed(string? month, string? category, string? unitId, [AsParameters] PageQuery paging, [AsParameters] HotlineServices s)
    {
        paging = paging.Checked();
        var all = await ClosedAsync(s, month, category, unitId);
        var page = all.Skip(paging.PageIndex * paging.PageSize).Take(paging.PageSize).ToList();
        return TypedResults.Ok(new Page<PublicWorkOrderDto>(await ToDtosAsync(s, page), paging.PageIndex, paging.PageSize, all.Count));
    }

    public static async Task<FileContentHttpResult> ClosedCsv(string? month, string? category, string? unitId, [AsParameters] HotlineServices s)
    {
        var all = await ClosedAsync(s, month, category, unitId);
        return HotlineCsv.File(await ToDtosAsync(s, all), $"12345-closed-{MonthOrNow(s, month)}.csv");
    }

    public static async Task<FileContentHttpResult> StatisticsCsv(string month, string? region, [AsParameters] HotlineServices s)
    {
        var units = (await HotlineBoardsApi.Statistics(month, region, s)).Value!;
        return HotlineCsv.File(units, $"12345-units-{month}.csv");
    }

    /// <summary>The month's closed orders that match, latest answered first.</summary>
    private static async Task<List<WorkOrderSummary>> ClosedAsync(HotlineServices s, string? month, string? category, string? unitId) =>
        [.. (await HotlineBoardsApi.MonthAsync(s, MonthOrNow(s, month)))
            .Where(o => o.Stage == WorkOrderStage.Closed && o.MergedInto is null && (category is null || o.Category == category) && (unitId is null || o.Unit?.Id == unitId))
            .OrderByDescending(o => o.AnsweredAtUtc).ThenBy(o => o.Id, StringComparer.Ordinal)];

    private static string MonthOrNow(HotlineServices s, string? month) =>
        string.IsNullOrWhiteSpace(month) ? ShanghaiTime.MonthOf(s.Clock.GetUtcNow().UtcDateTime) : month.Trim();

    /// <summary>Rows with the place's name; each region is looked up once.</summary>
    private static async Task<IReadOnlyList<PublicWorkOrderDto>> ToDtosAsync(HotlineServices s, IReadOnlyList<WorkOrderSummary> orders)
    {
        var codes = orders.Select(o => o.RegionCode).OfType<string>().Where(RegionCodes.IsValid).Distinct().ToList();
        var regions = await Task.WhenAll(codes.Select(c => s.Grains.GetGrain<IRegionGrain>(c).GetAsync()));
        var names = codes.Zip(regions, (c, r) => (c, r?.Info.Name)).ToDictionary(x => x.c, x => x.Name);
        return [.. orders.Select(o => new PublicWorkOrderDto(o.Id, o.Category, o.Grade, o.Unit?.Kind, o.Unit?.Id, o.RegionCode,
            o.RegionCode is { } r ? names.GetValueOrDefault(r) : null, ShanghaiTime.Show(o.ReceivedAtUtc),
            o.AnsweredAtUtc is { } a ? ShanghaiTime.Show(a) : null, o.Rating, o.Resolved))];
    }
}
