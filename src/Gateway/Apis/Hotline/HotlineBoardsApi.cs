using System.Globalization;
using Grid.Contracts;
using Grid.Gateway.Apis.Common;
using Grid.Gateway.Security.Access;
using Grid.Grains.Common;
using Grid.Grains.Evaluations;
using Grid.Grains.Hotline;
using Grid.Grains.Regions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grid.Gateway.Apis.Hotline;

/// <summary>What units, supervisors and the center read: a unit's inbox, the supervision board, a month's orders and the units' rates.</summary>
public static class HotlineBoardsApi
{
    public static RouteGroupBuilder MapHotlineBoardsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/hotline").WithTags("Hotline");
        api.MapGet("/units/{kind}/{unitId}/inbox", Inbox).WithName("GetHandlingUnitInbox").RequireAuthorization(p => p.RequireRole(HotlineMapping.UnitRoles))
            .WithSummary("A handling unit's open orders (kind Region with a township or village code, or Department), earliest due first.");
        api.MapGet("/queue", Queue).WithName("GetDispatchQueue").RequireAuthorization(p => p.RequireRole(HotlineMapping.AgentRoles))
            .WithSummary("The hotline center's queue: orders received or handed back in this month or the last, waiting to be dispatched, oldest first.");
        api.MapGet("/supervision", Supervision).WithName("GetSupervisionBoard").RequireAuthorization(p => p.RequireRole(HotlineMapping.SupervisorRoles))
            .WithSummary("Open orders under supervision (督办: overdue for sign-for or answer) or waiting for an extension decision, in ?region (default: yours).");
        api.MapGet("/months/{month}/orders", MonthOrders).WithName("ListMonthWorkOrders").RequireAuthorization(p => p.RequireRole(HotlineMapping.SupervisorRoles))
            .WithSummary("The orders received in a month (yyyy-MM, Asia/Shanghai) in ?region, optionally of one ?unitId: what unit statistics count.");
        api.MapGet("/months/{month}/units", Statistics).WithName("GetHandlingUnitStatistics").RequireAuthorization(p => p.RequireRole(HotlineMapping.SupervisorRoles))
            .WithSummary("Per unit: received, signed in time, answered (in time), called back, resolved, satisfied; response, resolution and satisfaction rates; rank.");
        return api;
    }

    public static async Task<Ok<Page<WorkOrderSummaryDto>>> Inbox(string kind, string unitId, [AsParameters] PageQuery paging, [AsParameters] HotlineServices s)
    {
        paging = paging.Checked();
        var unit = WorkOrderRules.Unit(new HandlingUnit(Enum.TryParse<HandlingUnitKind>(kind, ignoreCase: false, out var k) && Enum.IsDefined(k)
            ? k : throw ValidationException.For("kind", "Use Region or Department."), unitId));
        await s.Access.RequireAsync(Act.Work, unit.WorkTarget(), "This is not your unit's inbox.");
        var orders = await s.Grains.GetGrain<IWorkOrderListGrain>(WorkOrderLists.Unit(unit)).ListAsync();
        var open = orders.Where(o => o.Unit == unit && o.Stage is WorkOrderStage.Dispatched or WorkOrderStage.SignedFor or WorkOrderStage.HandledByGrid)
            .OrderBy(o => o.AnswerDueUtc).Select(o => o.ToDto()).ToList();
        return TypedResults.Ok(paging.Of(open));
    }

    public static async Task<Ok<Page<WorkOrderSummaryDto>>> Queue([AsParameters] PageQuery paging, [AsParameters] HotlineServices s)
    {
        paging = paging.Checked();
        var scope = s.Access.Scope(null);
        var now = s.Clock.GetUtcNow().UtcDateTime;
        var months = await Task.WhenAll(new[] { now, now.AddMonths(-1) }.Distinct().Select(m => MonthAsync(s, ShanghaiTime.MonthOf(m))));
        var waiting = months.SelectMany(l => l).Where(o => o.Stage is WorkOrderStage.Received or WorkOrderStage.HandedBack && In(scope, o))
            .OrderBy(o => o.ReceivedAtUtc).Select(o => o.ToDto()).ToList();
        return TypedResults.Ok(paging.Of(waiting));
    }

    public static async Task<Ok<Page<WorkOrderSummaryDto>>> Supervision(string? region, [AsParameters] PageQuery paging, [AsParameters] HotlineServices s)
    {
        paging = paging.Checked();
        var scope = s.Access.Scope(region);
        var boards = await CountiesAsync(s, scope, WorkOrderLists.Supervision);
        var due = boards.Where(o => o.IsOpen && (o.Supervisions > 0 || o.ExtensionPending) && In(scope, o))
            .OrderByDescending(o => o.Supervisions).ThenBy(o => o.AnswerDueUtc).Select(o => o.ToDto()).ToList();
        return TypedResults.Ok(paging.Of(due));
    }

    public static async Task<Ok<Page<WorkOrderSummaryDto>>> MonthOrders(string month, string? region, string? unitId, [AsParameters] PageQuery paging, [AsParameters] HotlineServices s)
    {
        paging = paging.Checked();
        var scope = s.Access.Scope(region);
        var orders = (await MonthAsync(s, month)).Where(o => In(scope, o) && (unitId is null || o.Unit?.Id == unitId)).Select(o => o.ToDto()).ToList();
        return TypedResults.Ok(paging.Of(orders));
    }

    public static async Task<Ok<IReadOnlyList<UnitStatisticsDto>>> Statistics(string month, string? region, [AsParameters] HotlineServices s)
    {
        var scope = s.Access.Scope(region);
        var units = UnitStatistics.Of((await MonthAsync(s, month)).Where(o => In(scope, o)), month);
        return TypedResults.Ok<IReadOnlyList<UnitStatisticsDto>>([.. units.Select(u => u.ToDto())]);
    }

    /// <summary>A region unit's orders count in the regions holding the unit; a department's, or one not dispatched, by its place (the city's scope holds all).</summary>
    internal static bool In(string scope, WorkOrderSummary o) =>
        o.Unit is { Kind: HandlingUnitKind.Region } u ? RegionCodes.Contains(scope, u.Id)
        : scope == RegionCodes.City || (o.RegionCode is { } r && RegionCodes.Contains(scope, r));

    internal static async Task<IReadOnlyList<WorkOrderSummary>> MonthAsync(HotlineServices s, string month)
    {
        if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            || first.Year < 2000 || first > DateOnly.FromDateTime(s.Clock.GetUtcNow().UtcDateTime).AddYears(1))
            throw ValidationException.For("month", $"Give the month as yyyy-MM between 2000-01 and a year from now; '{month}' is not one.");
        return await s.Grains.GetGrain<IWorkOrderListGrain>(WorkOrderLists.Month(month)).ListAsync();
    }

    /// <summary>The boards of the counties in a scope (the city's own board too, for orders without a place).</summary>
    private static async Task<IEnumerable<WorkOrderSummary>> CountiesAsync(HotlineServices s, string scope, Func<string, string> key)
    {
        IEnumerable<string> counties = RegionCodes.LevelOf(scope) == RegionLevel.City
            ? [scope, .. (await s.Grains.GetGrain<IRegionGrain>(scope).GetChildrenAsync()).Select(c => c.Code)]
            : [RegionCodes.CountyOf(scope)];
        var lists = await Task.WhenAll(counties.Select(c => s.Grains.GetGrain<IWorkOrderListGrain>(key(c)).ListAsync()));
        return lists.SelectMany(l => l);
    }
}
