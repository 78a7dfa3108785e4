using Grid.Contracts;
using Grid.Gateway.Apis.Common;
using Grid.Gateway.Security.Access;
using Grid.Grains.Common;
using Grid.Grains.Hotline;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using A = Grid.Grains.Hotline.WorkOrderAction;

namespace Grid.Gateway.Apis.Hotline;

/// <summary>12345 work orders: the agent's intake and dispatch, the unit's steps, the callback. A step out of order is a 409.</summary>
public static class WorkOrdersApi
{
    public static RouteGroupBuilder MapWorkOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/hotline/orders").WithTags("Hotline");
        api.MapPost("/", Create).WithName("CreateWorkOrder").RequireAuthorization(p => p.RequireRole(HotlineMapping.AgentRoles))
            .WithSummary("Intake: channel, classification (category, grade, urgency, catalog item), place (lat/lng, or address with its region) and caller.");
        api.MapGet("/{id}", Get).WithName("GetWorkOrder").RequireAuthorization(p => p.RequireRole(HotlineMapping.ReaderRoles))
            .WithSummary("A work order with its history (ETag); the caller's name and phone only for the hotline center, and audited.");
        Step(api, "/{id}/dispatch", "DispatchWorkOrder", "Dispatch a received or handed-back order to a township or village unit (region code) or a department.",
            HotlineMapping.AgentRoles, (DispatchWorkOrderRequest r) => new(A.Dispatch, new HandlingUnit(r.UnitKind, r.UnitId ?? ""), r.Reason));
        Step(api, "/{id}/sign-for", "SignForWorkOrder", "The unit signs for (签收) a dispatched order; due within 1 working day.",
            HotlineMapping.UnitRoles, () => new(A.SignFor));
        Step(api, "/{id}/notes", "AddWorkOrderNote", "A handling note on a signed-for order.",
            HotlineMapping.UnitRoles, (WorkOrderReasonRequest r) => new(A.Note, Text: r.Reason));
        Step(api, "/{id}/hand-back", "HandBackWorkOrder", "The unit hands the order back (退单) with its reason; the center re-dispatches it.",
            HotlineMapping.UnitRoles, (WorkOrderReasonRequest r) => new(A.HandBack, Text: r.Reason));
        Step(api, "/{id}/extension", "RequestWorkOrderExtension", "The unit asks for more working days (延期) with a reason.",
            HotlineMapping.UnitRoles, (ExtensionRequestDto r) => new(A.RequestExtension, Text: r.Reason, Days: r.WorkingDays));
        Step(api, "/{id}/extension/decision", "DecideWorkOrderExtension", "A supervisor approves (the answer deadline moves by the working days asked) or refuses an extension.",
            HotlineMapping.SupervisorRoles, (ExtensionDecisionRequest r) => new(A.DecideExtension, Text: r.Reason, Approve: r.Approve));
        Step(api, "/{id}/answer", "AnswerWorkOrder", "The unit's answer to the caller (consultation: 2 working days; otherwise 5).",
            HotlineMapping.UnitRoles, (AnswerWorkOrderRequest r) => new(A.Answer, Text: r.Answer));
        Step(api, "/{id}/callback", "CallBackWorkOrder", "The center's callback (回访): the caller's rating and whether it was resolved; closes the order.",
            HotlineMapping.AgentRoles, (WorkOrderCallbackRequest r) => new(A.Callback, Text: r.Note, Rating: r.Rating, Resolved: r.Resolved));
        Step(api, "/{id}/reopen", "ReopenWorkOrder", "Re-open a closed order the caller was not satisfied with; it goes back to the same unit with fresh clocks.",
            HotlineMapping.AgentRoles, (WorkOrderReasonRequest r) => new(A.Reopen, Text: r.Reason));
        Step(api, "/{id}/dispatch-to-grid", "DispatchWorkOrderToGrid", "Dispatch an assisted-agency order (one with a catalog item) straight to a grid worker: it becomes the resident's request, offered to the best worker; answer it once the task is completed.",
            HotlineMapping.AgentRoles, (GridDispatchRequest r) => new(A.DispatchToGrid, Text: r.Note, ResidentId: r.ResidentId));
        api.MapWorkOrderMergeApi();
        api.MapWorkOrderAttachmentsApi();
        return api;
    }

    public static async Task<Created<WorkOrderDto>> Create(WorkOrderIntakeRequest request, [AsParameters] HotlineServices s)
    {
        var intake = new WorkOrderIntake(request.Channel, request.Category?.Trim() ?? "", request.Grade, request.Urgency ?? Urgency.Routine,
            request.ItemCode?.Trim(), request.Description ?? "", request.Lat, request.Lng, request.Address?.Trim(), request.RegionCode?.Trim(),
            request.CallerName?.Trim(), request.CallerPhone?.Trim(), DispatchToTownship: false);
        if (request.RegionCode is { } region) s.Access.Scope(region, Act.Change, "regionCode");
        var id = HotlineMapping.NewOrderId(s.Clock);
        var order = await s.Grains.GetGrain<IWorkOrderGrain>(id).CreateAsync(intake, await s.ActorAsync());
        return TypedResults.Created($"/api/hotline/orders/{id}", await s.DtoAsync(order));
    }

    public static async Task<Ok<WorkOrderDto>> Get(string id, [AsParameters] HotlineServices s, HttpContext http)
    {
        var order = await s.FindAsync(id);
        await s.Access.RequireAsync(Act.Read, order.ReadTarget());
        return await Versioned(http, order, s);
    }

    /// <summary>Maps one step: its body becomes a command, the caller must hold the step's act on the order, If-Match is honoured.</summary>
    private static void Step<TBody>(RouteGroupBuilder api, string pattern, string name, string summary, string[] roles, Func<TBody, WorkOrderCommand> command) where TBody : class =>
        api.MapPost(pattern, (string id, TBody? body, [AsParameters] HotlineServices s, HttpContext http, [FromHeader(Name = "If-Match")] string? ifMatch) =>
                ActAsync(id, command(body ?? throw ValidationException.For("body", "Send the step's fields as a JSON object.")), s, http, ifMatch))
            .WithName(name).WithSummary(summary).RequireAuthorization(p => p.RequireRole(roles));

    private static void Step(RouteGroupBuilder api, string pattern, string name, string summary, string[] roles, Func<WorkOrderCommand> command) =>
        api.MapPost(pattern, (string id, [AsParameters] HotlineServices s, HttpContext http, [FromHeader(Name = "If-Match")] string? ifMatch) =>
                ActAsync(id, command(), s, http, ifMatch))
            .WithName(name).WithSummary(summary).RequireAuthorization(p => p.RequireRole(roles));

    public static async Task<Ok<WorkOrderDto>> ActAsync(string id, WorkOrderCommand command, HotlineServices s, HttpContext http, string? ifMatch)
    {
        var order = await s.FindAsync(id);
        var unitStep = command.Action is A.SignFor or A.Note or A.HandBack or A.RequestExtension or A.Answer;
        await s.Access.RequireAsync(unitStep ? Act.Work : Act.Change, unitStep ? order.Summary.Unit.WorkTarget() : order.ReadTarget(),
            unitStep ? "Only the unit the order is dispatched to takes this step." : "This work order is outside your region.");
        if (command.Unit is { Kind: HandlingUnitKind.Region } unit && RegionCodes.IsValid(unit.Id)) s.Access.Scope(unit.Id, Act.Change, "unitId");
        var done = await s.Grains.GetGrain<IWorkOrderGrain>(id).ActAsync(await s.ActorAsync(), command with { IfMatch = HttpConcurrency.IfMatch(ifMatch) });
        return await Versioned(http, done, s);
    }

    private static async Task<Ok<WorkOrderDto>> Versioned(HttpContext http, WorkOrderView order, HotlineServices s)
    {
        http.Response.Headers.ETag = HttpConcurrency.ETag(order.Summary.Version);
        return TypedResults.Ok(await s.DtoAsync(order));
    }
}
