using Grid.Contracts;
using Grid.Gateway.Apis.Common;
using Grid.Gateway.Security.Access;
using Grid.Grains.Common;
using Grid.Grains.Hotline;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grid.Gateway.Apis.Hotline;

/// <summary>吹哨派单 (Art. 31): issue, report in, close; the township's board, a department's list and the supervisors' overdue board.</summary>
public static class WhistlesApi
{
    public static RouteGroupBuilder MapWhistlesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/hotline/whistles").WithTags("Hotline");
        api.MapPost("/", Issue).WithName("IssueWhistleOrder").RequireAuthorization(p => p.RequireRole(WhistleMapping.IssuerRoles))
            .WithSummary("A township (its coordinators) summons departments to report in (报到) within working days.");
        api.MapGet("/{id}", Get).WithName("GetWhistleOrder").RequireAuthorization(p => p.RequireRole(WhistleMapping.ReaderRoles))
            .WithSummary("A whistle order with each department's report-in (time, who, on time or late), who is overdue, and its history.");
        api.MapPost("/{id}/report-in", ReportIn).WithName("ReportInWhistleOrder").RequireAuthorization(p => p.RequireRole(WhistleMapping.ReporterRoles))
            .WithSummary("A summoned department reports in with a note; only for itself. After the due instant it is recorded as late.");
        api.MapPost("/{id}/close", Close).WithName("CloseWhistleOrder").RequireAuthorization(p => p.RequireRole(WhistleMapping.IssuerRoles))
            .WithSummary("The issuing township closes the order once every department has reported in (409 before).");
        api.MapGet("/townships/{code}", Township).WithName("GetTownshipWhistleBoard").RequireAuthorization(p => p.RequireRole(HotlineMapping.SupervisorRoles))
            .WithSummary("The issuing township's whistle orders, newest first, each with the departments overdue; ?open=true for open ones only.");
        api.MapGet("/overdue", Overdue).WithName("GetOverdueWhistleBoard").RequireAuthorization(p => p.RequireRole(HotlineMapping.SupervisorRoles))
            .WithSummary("Open whistle orders in ?region (default: yours) with departments that did not report in by the due instant.");
        api.MapGet("/departments/{department}", Department).WithName("GetDepartmentWhistleOrders").RequireAuthorization(p => p.RequireRole(WhistleMapping.ReporterRoles))
            .WithSummary("The whistle orders summoning a department (its own only), those it has not reported in to first.");
        return api;
    }

    public static async Task<Created<WhistleOrderDto>> Issue(IssueWhistleOrderRequest request, [AsParameters] HotlineServices s)
    {
        var issue = WhistleRules.Validate(new WhistleIssue(request.TownshipCode, request.Matter, request.Place, request.Departments, request.WorkingDays));
        await s.Access.RequireAsync(Act.Change, WhistleMapping.IssueTarget(issue.TownshipCode), $"Only the staff of township {issue.TownshipCode} issue its whistle orders.");
        var id = WhistleMapping.NewId(s.Clock);
        var order = await s.Grains.GetGrain<IWhistleOrderGrain>(id).IssueAsync(issue, await s.ActorAsync());
        return TypedResults.Created($"/api/hotline/whistles/{id}", order.ToDto(Now(s)));
    }

    public static async Task<Ok<WhistleOrderDto>> Get(string id, [AsParameters] HotlineServices s)
    {
        var order = await FindAsync(s, id);
        await s.Access.RequireAsync(Act.Read, order.Summary.ReadTarget());
        return TypedResults.Ok(order.ToDto(Now(s)));
    }

    public static async Task<Ok<WhistleOrderDto>> ReportIn(string id, WhistleReportInRequest request, [AsParameters] HotlineServices s)
    {
        var order = await FindAsync(s, id);
        var department = WhistleRules.Department(request.Department);
        await s.Access.RequireAsync(Act.Work, WhistleMapping.ReportTarget(department), "A department reports in only for itself.");
        var done = await s.Grains.GetGrain<IWhistleOrderGrain>(order.Summary.Id).ReportInAsync(await s.ActorAsync(), department, request.Note);
        return TypedResults.Ok(done.ToDto(Now(s)));
    }

    public static async Task<Ok<WhistleOrderDto>> Close(string id, CloseWhistleOrderRequest? request, [AsParameters] HotlineServices s)
    {
        var order = await FindAsync(s, id);
        await s.Access.RequireAsync(Act.Change, WhistleMapping.IssueTarget(order.Summary.TownshipCode), "Only the issuing township closes its whistle order.");
        var done = await s.Grains.GetGrain<IWhistleOrderGrain>(order.Summary.Id).CloseAsync(await s.ActorAsync(), request?.Note);
        return TypedResults.Ok(done.ToDto(Now(s)));
    }

    public static async Task<Ok<Page<WhistleSummaryDto>>> Township(string code, bool? open, [AsParameters] PageQuery paging, [AsParameters] HotlineServices s)
    {
        paging = paging.Checked();
        var township = s.Access.Scope(code, field: "code");
        await s.Access.RequireAsync(Act.Read, WhistleMapping.IssueTarget(township), "That township's whistle board is outside your region.");
        var orders = await s.Grains.GetGrain<IWhistleListGrain>(WhistleLists.Township(township)).ListAsync();
        var now = Now(s);
        return TypedResults.Ok(paging.Of([.. orders.Where(o => open != true || !o.Closed).Select(o => o.ToDto(now))]));
    }

    public static async Task<Ok<Page<WhistleSummaryDto>>> Overdue(string? region, [AsParameters] PageQuery paging, [AsParameters] HotlineServices s)
    {
        paging = paging.Checked();
        var scope = s.Access.Scope(region);
        var now = Now(s);
        var orders = await s.Grains.GetGrain<IWhistleListGrain>(WhistleLists.City).ListAsync();
        var overdue = orders.Where(o => RegionCodes.Contains(scope, o.TownshipCode) && o.OverdueAt(now).Count > 0)
            .OrderBy(o => o.DueUtc).Select(o => o.ToDto(now)).ToList();
        return TypedResults.Ok(paging.Of(overdue));
    }

    public static async Task<Ok<Page<WhistleSummaryDto>>> Department(string department, [AsParameters] PageQuery paging, [AsParameters] HotlineServices s)
    {
        paging = paging.Checked();
        department = WhistleRules.Department(department);
        await s.Access.RequireAsync(Act.Work, WhistleMapping.ReportTarget(department), "A department sees only the whistle orders summoning it.");
        var orders = await s.Grains.GetGrain<IWhistleListGrain>(WhistleLists.Department(department)).ListAsync();
        var now = Now(s);
        return TypedResults.Ok(paging.Of([.. orders.OrderBy(o => o.Reports.Any(r => r.Department == department)).ThenBy(o => o.DueUtc).Select(o => o.ToDto(now))]));
    }

    /// <summary>The order, or a 404: ids are random, so an unknown one reveals nothing.</summary>
    private static async Task<WhistleView> FindAsync(HotlineServices s, string id) =>
        (Ids.IsPlain(id) ? await s.Grains.GetGrain<IWhistleOrderGrain>(id).GetAsync() : null)
            ?? throw new NotFoundException($"No whistle order has the id {id}.");

    private static DateTime Now(HotlineServices s) => s.Clock.GetUtcNow().UtcDateTime;
}
