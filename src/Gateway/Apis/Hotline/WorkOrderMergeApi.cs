using Grid.Contracts;
using Grid.Gateway.Apis.Common;
using Grid.Gateway.Security.Access;
using Grid.Grains.Common;
using Grid.Grains.Evaluations;
using Grid.Grains.Hotline;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Grid.Gateway.Apis.Hotline;

/// <summary>Duplicates proposed to the agent at intake, and merging one into another (合并重复工单).</summary>
public static class WorkOrderMergeApi
{
    public static void MapWorkOrderMergeApi(this RouteGroupBuilder api)
    {
        api.MapGet("/{id}/duplicates", Duplicates).WithName("GetWorkOrderDuplicates").RequireAuthorization(p => p.RequireRole(HotlineMapping.AgentRoles))
            .WithSummary("Likely duplicates of an order: open orders within the window (Grid:Hotline:DuplicateWindowDays, default 3) from the same caller, or at the same place (same grid or within 200 m) in the same category.");
        api.MapPost("/{id}/merge", Merge).WithName("MergeWorkOrder").RequireAuthorization(p => p.RequireRole(HotlineMapping.AgentRoles))
            .WithSummary("Merge a received (not yet dispatched) order into an open one: it closes as merged; the survivor keeps its id and caller for the callback.");
    }

    public static async Task<Ok<IReadOnlyList<DuplicateProposalDto>>> Duplicates(string id, [AsParameters] HotlineServices s, IOptions<HotlineOptions> options)
    {
        var order = await s.FindAsync(id);
        await s.Access.RequireAsync(Act.Read, order.ReadTarget());
        var scope = s.Access.Scope(null);
        var window = TimeSpan.FromDays(options.Value.DuplicateWindowDays);
        var received = order.Summary.ReceivedAtUtc;
        var months = new[] { received - window, received, received + window }.Select(ShanghaiTime.MonthOf).Distinct();
        var lists = await Task.WhenAll(months.Select(m => s.Grains.GetGrain<IWorkOrderListGrain>(WorkOrderLists.Month(m)).ListAsync()));
        var proposals = WorkOrderDuplicates.Find(order.Summary, lists.SelectMany(l => l).Where(o => HotlineBoardsApi.In(scope, o)), window,
            options.Value.DuplicateRadiusMeters);
        return TypedResults.Ok<IReadOnlyList<DuplicateProposalDto>>([.. proposals.Select(p => new DuplicateProposalDto(p.Order.ToDto(), p.Reasons, p.DistanceMeters))]);
    }

    public static async Task<Ok<WorkOrderDto>> Merge(string id, MergeWorkOrderRequest? request, [AsParameters] HotlineServices s, HttpContext http,
        [FromHeader(Name = "If-Match")] string? ifMatch)
    {
        var into = request?.IntoId?.Trim() ?? throw ValidationException.For("intoId", "Name the open order to merge into.");
        if (into == id) throw ValidationException.For("intoId", "An order cannot be merged into itself.");
        var survivor = (Ids.IsPlain(into) ? await s.Grains.GetGrain<IWorkOrderGrain>(into).GetAsync() : null)
            ?? throw ValidationException.For("intoId", $"No work order has the id {into}.");
        await s.Access.RequireAsync(Act.Change, survivor.ReadTarget(), "The order to merge into is outside your region.");
        if (survivor.Summary.MergedInto is { } further) throw new ConflictException($"{into} was itself merged into {further}; merge into that one.");
        if (!survivor.Summary.IsOpen) throw new ConflictException($"{into} is closed; merge only into an open order.");
        return await WorkOrdersApi.ActAsync(id, new WorkOrderCommand(WorkOrderAction.Merge, Text: request.Reason, IntoId: into), s, http, ifMatch);
    }
}
