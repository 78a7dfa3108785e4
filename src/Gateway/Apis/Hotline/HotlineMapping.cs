using Grid.Contracts;
using Grid.Gateway.Security.Access;
using Grid.Grains.Evaluations;
using Grid.Grains.Hotline;

namespace Grid.Gateway.Apis.Hotline;

/// <summary>Grain records → Contracts, and the access targets of an order.</summary>
public static class HotlineMapping
{
    public static readonly string[] AgentRoles = [Roles.Admin, Roles.DataBureau];
    public static readonly string[] UnitRoles = [Roles.Admin, Roles.Coordinator, Roles.CenterStaff, Roles.Department];
    public static readonly string[] SupervisorRoles = [Roles.Admin, Roles.DataBureau, Roles.Coordinator];
    public static readonly string[] ReaderRoles = [Roles.Admin, Roles.DataBureau, Roles.Coordinator, Roles.CenterStaff, Roles.Department];

    /// <summary>Reading and supervising: the unit's region (the place's before dispatch); a department through its own orders.</summary>
    public static Target ReadTarget(this WorkOrderView o, Kind kind = Kind.WorkOrder) => new(kind,
        o.Summary.Unit is { Kind: HandlingUnitKind.Region } u ? u.Id : o.RegionCode ?? RegionCodes.City,
        AnswerableRegion: o.RegionCode, Departments: Departments(o.Summary.Unit));

    /// <summary>The unit's own steps: only its region's staff or the department itself (no region for a department's order).</summary>
    public static Target WorkTarget(this HandlingUnit? unit) =>
        new(Kind.WorkOrder, unit is { Kind: HandlingUnitKind.Region } ? unit.Id : "", Departments: Departments(unit));

    private static string[] Departments(HandlingUnit? unit) => unit is { Kind: HandlingUnitKind.Department } ? [unit.Id] : [];

    public static WorkOrderDto ToDto(this WorkOrderView o, bool withCaller)
    {
        var s = o.Summary;
        var i = o.Intake;
        return new WorkOrderDto(o.Id, i.Channel, i.Category, i.Grade, i.Urgency, i.ItemCode, i.Description, i.Lat, i.Lng, i.Address,
            o.GridId, o.VillageCode, o.TownshipCode, s.Stage, s.Unit?.Kind, s.Unit?.Id, ShanghaiTime.Show(s.ReceivedAtUtc),
            Show(s.SignForDueUtc), Show(s.AnswerDueUtc),
            o.PendingExtension is { } p ? new PendingExtensionDto(p.WorkingDays, p.Reason, ShanghaiTime.Show(p.AskedAtUtc)) : null,
            o.Extensions, s.Supervisions, o.Answer, s.Rating, s.Resolved,
            withCaller ? i.CallerName : null, withCaller ? i.CallerPhone : null, s.Version,
            [.. o.History.Select(e => new WorkOrderEventDto(ShanghaiTime.Show(e.AtUtc), e.Actor, e.Action, e.Detail))],
            s.MergedInto, [.. (o.Merged ?? []).Select(m => new MergedOrderDto(m.Id, withCaller ? m.CallerName : null, withCaller ? m.CallerPhone : null,
                ShanghaiTime.Show(m.AtUtc), m.By, m.Reason))],
            [.. (o.Attachments ?? []).Select(a => a.ToDto())], o.TaskId);
    }

    public static WorkOrderAttachmentDto ToDto(this WorkOrderAttachment a) =>
        new(a.Id, a.Name, a.ContentType, a.Size, a.Sha256, a.By, ShanghaiTime.Show(a.AtUtc));

    public static WorkOrderSummaryDto ToDto(this WorkOrderSummary s) => new(s.Id, s.Category, s.Grade, s.Stage, s.Unit?.Kind, s.Unit?.Id,
        s.RegionCode, ShanghaiTime.Show(s.ReceivedAtUtc), Show(s.SignForDueUtc), Show(s.AnswerDueUtc), s.SignedInTime, s.AnsweredInTime,
        s.Supervisions, s.ExtensionPending, s.Rating, s.Resolved, s.Version);

    public static UnitStatisticsDto ToDto(this UnitMonth u) => new(u.Unit.Kind, u.Unit.Id, u.Month, u.Received, u.SignedInTime,
        u.Answered, u.AnsweredInTime, u.CalledBack, u.Resolved, u.Satisfied, u.ResponseRate, u.ResolutionRate, u.SatisfactionRate, u.Rank);

    /// <summary>A new order id: the Shanghai date, for people reading it aloud on the phone, then randomness.</summary>
    public static string NewOrderId(TimeProvider clock) =>
        $"WO{ShanghaiTime.DateOf(clock.GetUtcNow().UtcDateTime):yyyyMMdd}-{Guid.NewGuid():N}"[..21];

    private static DateTimeOffset? Show(DateTime? utc) => utc is { } t ? ShanghaiTime.Show(t) : null;
}
