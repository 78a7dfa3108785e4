using System.Globalization;
using Grid.Contracts;
using Grid.Gateway.Security.Access;
using Grid.Grains.Common;
using Grid.Grains.Evaluations;
using Grid.Grains.Hotline;
using Microsoft.AspNetCore.Http.HttpResults;
using A = Grid.Grains.Hotline.WorkOrderAction;

namespace Grid.Gateway.Apis.Hotline;

/// <summary>
/// Art. 26: department heads on the 12345 line. The hotline center keeps the schedule; each call the
/// head takes is a work order (channel DepartmentHeadCall) linked to the slot: answered on the call, or
/// dispatched to the head's department as a same-day investigation. The follow-up (公示) is public.
/// </summary>
public static class HeadScheduleApi
{
    public static void MapHeadScheduleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/hotline/heads").WithTags("Hotline");
        api.MapPost("/slots", AddSlot).WithName("AddHeadSlot").RequireAuthorization(p => p.RequireRole(HotlineMapping.AgentRoles))
            .WithSummary("Publish a department head's day on the line (the hotline center's schedule).");
        api.MapDelete("/slots/{slotId}", RemoveSlot).WithName("RemoveHeadSlot").RequireAuthorization(p => p.RequireRole(HotlineMapping.AgentRoles))
            .WithSummary("Take a slot off the schedule; a slot that has taken calls stays (409).");
        api.MapPost("/slots/{slotId}/calls", RecordCall).WithName("RecordHeadCall").RequireAuthorization(p => p.RequireRole(CallRoles))
            .WithSummary("A call the head took on their day: a work order answered on the call, or a same-day investigation by the head's department.");
        app.MapGet("/api/public/hotline/heads/{month}", Published).WithTags("Public").WithName("GetPublishedHeadSchedule").AllowAnonymous()
            .WithSummary("公示: per day of the month (yyyy-MM), each head and department, the calls taken (category, summary without personal data) and each investigation's state.");
    }

    private static readonly string[] CallRoles = [Roles.Admin, Roles.DataBureau, Roles.Department];

    private static Target Target(string department) => new(Kind.HeadSchedule, RegionCodes.City, Departments: [department]);

    public static async Task<Created<HeadSlotDto>> AddSlot(HeadSlotRequest request, [AsParameters] HotlineServices s)
    {
        await s.Access.RequireAsync(Act.Change, Target(""), "Only the hotline center keeps the heads' schedule.");
        var department = WhistleRules.Department(request.Department);
        var head = Text(request.HeadName, "headName", "Name the head on the line.", 50);
        var title = string.IsNullOrWhiteSpace(request.HeadTitle) ? null : Text(request.HeadTitle, "headTitle", "", 50);
        var today = ShanghaiTime.DateOf(Now(s));
        if (request.Date < today.AddDays(-31) || request.Date > today.AddYears(1))
            throw ValidationException.For("date", "Schedule a day between a month ago and a year from now.");
        var slot = new HeadSlot(HeadSlots.NewId(request.Date), request.Date, department, head, title, []);
        var added = await Month(s, slot.Id).AddSlotAsync(slot);
        await AuditAsync(s, "headschedule.slot.add", added.Id, $"{added.Date:yyyy-MM-dd} {department}");
        return TypedResults.Created($"/api/public/hotline/heads/{added.Date:yyyy-MM}", await ToDtoAsync(s, added));
    }

    public static async Task<NoContent> RemoveSlot(string slotId, [AsParameters] HotlineServices s)
    {
        await s.Access.RequireAsync(Act.Change, Target(""), "Only the hotline center keeps the heads' schedule.");
        await Month(s, slotId).RemoveSlotAsync(slotId);
        await AuditAsync(s, "headschedule.slot.remove", slotId, null);
        return TypedResults.NoContent();
    }

    public static async Task<Created<HeadSlotDto>> RecordCall(string slotId, HeadCallRequest request, [AsParameters] HotlineServices s)
    {
        var schedule = Month(s, slotId);
        var slot = await schedule.GetSlotAsync(slotId) ?? throw new NotFoundException($"No schedule slot has the id {slotId}.");
        await s.Access.RequireAsync(Act.Work, Target(slot.Department), "Only the hotline center or the head's own department records the head's calls.");
        var now = Now(s);
        var today = ShanghaiTime.DateOf(now);
        if (slot.Date != today) throw new ConflictException($"{slot.HeadName} is on the line on {slot.Date:yyyy-MM-dd}; record the calls on that day.");
        var intake = new WorkOrderIntake(WorkOrderChannel.DepartmentHeadCall, request.Category?.Trim() ?? "", request.Grade, Urgency.Routine, null,
            request.Description ?? "", request.Lat, request.Lng, request.Address?.Trim(), request.RegionCode?.Trim(), request.CallerName?.Trim(),
            request.CallerPhone?.Trim(), DispatchToTownship: false, new Dictionary<string, string> { ["headSlot"] = slot.Id });
        WorkOrderRules.Validate(intake);
        var reply = request.SolvedOnCall ? WorkOrderRules.Reason(request.Reply, "Write the head's answer given on the call.", "reply", 2000) : null;

        var actor = await s.ActorAsync();
        var id = HotlineMapping.NewOrderId(s.Clock);
        var order = s.Grains.GetGrain<IWorkOrderGrain>(id);
        var created = await order.CreateAsync(intake, actor);
        var unit = new HandlingUnit(HandlingUnitKind.Department, slot.Department);
        DateTime? due = null;
        if (reply is not null)
        {
            // Solved on the call: the head's department answered it then; the center's callback follows as for any order.
            await order.ActAsync(actor, new WorkOrderCommand(A.Dispatch, unit, $"部门负责人 {slot.HeadName} 坐班接听"));
            await order.ActAsync(actor, new WorkOrderCommand(A.SignFor));
            await order.ActAsync(actor, new WorkOrderCommand(A.Answer, Text: reply));
        }
        else
        {
            due = ShanghaiTime.StartOfDayUtc(today.AddDays(1));
            await order.ActAsync(actor, new WorkOrderCommand(A.Dispatch, unit, $"部门负责人坐班未当场解决, 当日调查: {today:yyyy-MM-dd} 24:00 前答复"));
        }
        var summary = PublicText.Redact(created.Intake.Description, intake.CallerName, intake.CallerPhone);
        var updated = await schedule.RecordCallAsync(slot.Id, new HeadCall(id, now, created.Intake.Category, summary, reply is not null, due));
        await AuditAsync(s, "headschedule.call", slot.Id, $"order={id} solvedOnCall={reply is not null}");
        return TypedResults.Created($"/api/hotline/orders/{id}", await ToDtoAsync(s, updated));
    }

    public static async Task<Ok<IReadOnlyList<HeadDayDto>>> Published(string month, [AsParameters] HotlineServices s)
    {
        if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) || first.Year < 2000 || first.Year > 2100)
            throw ValidationException.For("month", $"Give the month as yyyy-MM; '{month}' is not one.");
        var slots = await s.Grains.GetGrain<IHeadScheduleGrain>(month).ListAsync();
        var dtos = await Task.WhenAll(slots.Select(slot => ToDtoAsync(s, slot)));
        return TypedResults.Ok<IReadOnlyList<HeadDayDto>>([.. dtos.GroupBy(d => d.Date).OrderBy(g => g.Key).Select(g => new HeadDayDto(g.Key, [.. g]))]);
    }

    /// <summary>A slot as published: each call's order is read for its stage, and an investigation's state follows from its answer and due.</summary>
    private static async Task<HeadSlotDto> ToDtoAsync(HotlineServices s, HeadSlot slot)
    {
        var now = Now(s);
        var orders = await Task.WhenAll(slot.Calls.Select(c => s.Grains.GetGrain<IWorkOrderGrain>(c.OrderId).GetAsync()));
        var calls = slot.Calls.Zip(orders, (c, o) => new HeadCallDto(c.OrderId, ShanghaiTime.Show(c.AtUtc), c.Category, c.PublicSummary, c.SolvedOnCall,
            o?.Summary.Stage ?? WorkOrderStage.Received, c.InvestigationDueUtc is { } due ? Investigation(due, o?.Summary.AnsweredAtUtc, now) : null));
        return new HeadSlotDto(slot.Id, slot.Date, slot.Department, slot.HeadName, slot.HeadTitle, [.. calls]);
    }

    private static HeadInvestigationDto Investigation(DateTime due, DateTime? answered, DateTime now) => new(ShanghaiTime.Show(due),
        answered is { } a ? ShanghaiTime.Show(a) : null,
        answered is { } at ? (at <= due ? InvestigationState.AnsweredOnTime : InvestigationState.AnsweredLate)
        : now > due ? InvestigationState.Overdue : InvestigationState.Open);

    private static IHeadScheduleGrain Month(HotlineServices s, string slotId) =>
        s.Grains.GetGrain<IHeadScheduleGrain>(HeadSlots.MonthOf(slotId) ?? throw new NotFoundException($"No schedule slot has the id {slotId}."));

    private static string Text(string? value, string field, string message, int max) =>
        WorkOrderRules.Reason(value, message, field, max);

    private static async Task AuditAsync(HotlineServices s, string action, string slotId, string? detail) =>
        await s.Audit.WriteAsync((await s.Access.CallerAsync()).Actor, action, "headslot", slotId, RegionCodes.City, detail);

    private static DateTime Now(HotlineServices s) => s.Clock.GetUtcNow().UtcDateTime;
}
