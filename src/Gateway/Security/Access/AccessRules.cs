using Grid.Contracts;

namespace Grid.Gateway.Security.Access;

/// <summary>What a caller wants to do with a thing.</summary>
public enum Act
{
    /// <summary>See it (lists included).</summary>
    Read,
    /// <summary>Create, change, cancel or move it.</summary>
    Change,
    /// <summary>Take the steps of the one it is assigned to (a worker on their task).</summary>
    Work,
}

/// <summary>The kinds of thing access is decided on; sensitive fields are kinds of their own.</summary>
public enum Kind
{
    Region,
    Task,
    /// <summary>Asking for help on a resident's behalf (a new assisted-agency request).</summary>
    Request,
    Resident,
    ResidentIdNumber,
    ResidentContact,
    Worker,
    WorkerPhone,
    ServiceRecord,
    Rectification,
    BundleApplication,
    Roster,
    /// <summary>A 12345 hotline work order; its region is the handling unit's (or the place's before dispatch).</summary>
    WorkOrder,
    /// <summary>A work order's caller: name and phone.</summary>
    WorkOrderCaller,
    /// <summary>A whistle order (吹哨派单); its region is the issuing township's, its departments those summoned.</summary>
    WhistleOrder,
    /// <summary>The schedule of department heads on the 12345 line, and the calls they took.</summary>
    HeadSchedule,
}

/// <summary>
/// The facts about a thing that access turns on: the region it lies in now (never the region its id
/// was minted in, which a boundary move leaves behind), the resident it is about, the worker who holds
/// it and who held it, the grid it sits in, and a second region answerable for it.
/// </summary>
public sealed record Target(
    Kind Kind,
    string Region,
    string? Owner = null,
    string? Assignee = null,
    IReadOnlyCollection<string>? FormerAssignees = null,
    string? Grid = null,
    string? AnswerableRegion = null,
    IReadOnlyCollection<string>? Departments = null);

/// <summary>How a caller stands to a target.</summary>
public enum Relation
{
    /// <summary>Always (administrators).</summary>
    Anywhere,
    /// <summary>The target's region (or its answerable region) lies in the caller's region.</summary>
    InRegion,
    /// <summary>The caller's region is exactly the target's (a center's own village).</summary>
    OwnRegion,
    /// <summary>The caller is the person it is about: the resident, or a worker reading their own record.</summary>
    Self,
    /// <summary>The caller is the worker it is assigned to.</summary>
    Assignee,
    /// <summary>The caller is the worker, or a worker who held it before.</summary>
    PastOrPresentAssignee,
    /// <summary>The caller is a worker serving the target's grid today.</summary>
    ServesGrid,
    /// <summary>The caller is a department answerable for the target (one of its items is theirs).</summary>
    OwnDepartment,
}

public sealed record Grant(string Role, Relation Relation);

/// <summary>
/// The one table of who may do what to which thing. Endpoints also carry the roles an operation is
/// open to (their metadata, checked by the route matrix test); this table decides the instance: whose
/// task, which region, which grid. Every endpoint asks <see cref="AccessService"/>, which asks this.
/// </summary>
public static class AccessRules
{
    // Declared before the table: static fields initialise in order.
    private static readonly Grant Admin = new(Roles.Admin, Relation.Anywhere);
    private static readonly string[] RegionStaff = [Roles.DataBureau, Roles.Department, Roles.Coordinator, Roles.CenterStaff];

    private static readonly Dictionary<(Kind, Act), Grant[]> Table = new()
    {
        [(Kind.Region, Act.Read)] = [Admin, .. InRegion(RegionStaff), new(Roles.Worker, Relation.InRegion)],
        [(Kind.Region, Act.Change)] = [Admin, .. InRegion(RegionStaff)],

        [(Kind.Task, Act.Read)] = [Admin, .. InRegion(Roles.Coordinator, Roles.CenterStaff),
            new(Roles.Worker, Relation.PastOrPresentAssignee), new(Roles.Resident, Relation.Self)],
        [(Kind.Task, Act.Change)] = [Admin, .. InRegion(Roles.Coordinator, Roles.CenterStaff), new(Roles.Resident, Relation.Self)],
        [(Kind.Task, Act.Work)] = [new(Roles.Worker, Relation.Assignee)],
        [(Kind.Request, Act.Change)] = [Admin, .. InRegion(Roles.Coordinator, Roles.CenterStaff, Roles.Worker), new(Roles.Resident, Relation.Self)],

        [(Kind.Resident, Act.Read)] = [Admin, .. InRegion(Roles.Coordinator, Roles.CenterStaff),
            new(Roles.Worker, Relation.ServesGrid), new(Roles.Resident, Relation.Self)],
        [(Kind.Resident, Act.Change)] = [Admin, .. InRegion(Roles.Coordinator, Roles.CenterStaff)],
        // ID numbers: the resident's own center only; phones and address: those who visit or call. A resident
        // always sees their own (the right to access one's personal data).
        [(Kind.ResidentIdNumber, Act.Read)] = [Admin, new(Roles.CenterStaff, Relation.InRegion), new(Roles.Resident, Relation.Self)],
        [(Kind.ResidentContact, Act.Read)] = [Admin, new(Roles.CenterStaff, Relation.InRegion), new(Roles.Worker, Relation.ServesGrid),
            new(Roles.Resident, Relation.Self)],

        [(Kind.Worker, Act.Read)] = [Admin, .. InRegion(Roles.Coordinator, Roles.CenterStaff, Roles.Worker)],
        [(Kind.Worker, Act.Change)] = [Admin, .. InRegion(Roles.Coordinator, Roles.CenterStaff)],
        [(Kind.WorkerPhone, Act.Read)] = [Admin, .. InRegion(Roles.Coordinator, Roles.CenterStaff), new(Roles.Worker, Relation.Self)],

        [(Kind.ServiceRecord, Act.Read)] = [Admin, .. InRegion(RegionStaff), new(Roles.Worker, Relation.InRegion), new(Roles.Resident, Relation.Self)],
        [(Kind.ServiceRecord, Act.Change)] = [Admin, .. InRegion(RegionStaff), new(Roles.Worker, Relation.InRegion)],

        [(Kind.Rectification, Act.Read)] = [Admin, .. InRegion(RegionStaff), new(Roles.Worker, Relation.InRegion), new(Roles.Resident, Relation.Self)],
        // Steps and appeals: the handling unit's staff (the data bureau decides appeals, a read-scoped act
        // on a route only it may call); the resident who gave the review re-rates.
        [(Kind.Rectification, Act.Change)] = [Admin, .. InRegion(Roles.Department, Roles.Coordinator, Roles.CenterStaff, Roles.Worker),
            new(Roles.Resident, Relation.Self)],

        [(Kind.BundleApplication, Act.Read)] = [Admin, .. InRegion(Roles.DataBureau, Roles.Coordinator, Roles.CenterStaff, Roles.Worker),
            new(Roles.Department, Relation.OwnDepartment), new(Roles.Resident, Relation.Self)],
        // Deciding on an item of an application: the departments whose items it holds.
        [(Kind.BundleApplication, Act.Change)] = [Admin, new(Roles.Department, Relation.OwnDepartment)],

        // A center edits its own roster; coordinators above it read the draft.
        [(Kind.Roster, Act.Read)] = [Admin, new(Roles.CenterStaff, Relation.OwnRegion), new(Roles.Coordinator, Relation.InRegion)],
        [(Kind.Roster, Act.Change)] = [Admin, new(Roles.CenterStaff, Relation.OwnRegion)],

        // 12345: the data bureau runs the hotline center (intake, dispatch, callback, approvals); coordinators
        // supervise their region; a unit's own staff — the coordinators above a township or village unit, a
        // village's center, a department — take its steps. The caller's name and phone: the center only.
        [(Kind.WorkOrder, Act.Read)] = [Admin, .. InRegion(Roles.DataBureau, Roles.Coordinator), new(Roles.CenterStaff, Relation.OwnRegion),
            new(Roles.Department, Relation.OwnDepartment)],
        [(Kind.WorkOrder, Act.Change)] = [Admin, .. InRegion(Roles.DataBureau, Roles.Coordinator)],
        [(Kind.WorkOrder, Act.Work)] = [Admin, new(Roles.Coordinator, Relation.InRegion), new(Roles.CenterStaff, Relation.OwnRegion),
            new(Roles.Department, Relation.OwnDepartment)],
        [(Kind.WorkOrderCaller, Act.Read)] = [Admin, new(Roles.DataBureau, Relation.InRegion)],

        // 吹哨: a township's coordinators (or those above it) issue and close; supervisors read; a summoned
        // department reads the order and reports in for itself only.
        [(Kind.WhistleOrder, Act.Read)] = [Admin, .. InRegion(Roles.DataBureau, Roles.Coordinator), new(Roles.Department, Relation.OwnDepartment)],
        [(Kind.WhistleOrder, Act.Change)] = [Admin, new(Roles.Coordinator, Relation.InRegion)],
        [(Kind.WhistleOrder, Act.Work)] = [Admin, new(Roles.Department, Relation.OwnDepartment)],
        // Heads on the line: the hotline center keeps the schedule; it or the head's own department records the calls.
        [(Kind.HeadSchedule, Act.Change)] = [Admin, new(Roles.DataBureau, Relation.InRegion)],
        [(Kind.HeadSchedule, Act.Work)] = [Admin, new(Roles.DataBureau, Relation.InRegion), new(Roles.Department, Relation.OwnDepartment)],
    };


    private static IEnumerable<Grant> InRegion(params string[] roles) => roles.Select(r => new Grant(r, Relation.InRegion));

    /// <summary>The grants of one kind and act (empty: nobody).</summary>
    public static IReadOnlyList<Grant> For(Kind kind, Act act) => Table.TryGetValue((kind, act), out var grants) ? grants : [];

    public static bool Allows(Caller caller, Act act, Target target) =>
        For(target.Kind, act).Any(g => g.Role == caller.Role && Holds(caller, g.Relation, target));

    private static bool Holds(Caller caller, Relation relation, Target t) => relation switch
    {
        Relation.Anywhere => true,
        Relation.InRegion => caller.Contains(t.Region) || (t.AnswerableRegion is { } a && caller.Contains(a)),
        Relation.OwnRegion => caller.Region == t.Region,
        Relation.Self => t.Owner is not null && caller.SubjectId == t.Owner,
        Relation.Assignee => t.Assignee is not null && caller.SubjectId == t.Assignee,
        Relation.PastOrPresentAssignee => caller.SubjectId is { } me && (me == t.Assignee || (t.FormerAssignees?.Contains(me) ?? false)),
        Relation.ServesGrid => t.Grid is not null && caller.ServedGrids.Contains(t.Grid),
        Relation.OwnDepartment => caller.SubjectId is { } d && (t.Departments?.Contains(d) ?? false),
        _ => false,
    };
}
