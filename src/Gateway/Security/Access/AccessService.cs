using System.Security.Claims;
using Grid.Contracts;
using Grid.Grains.Common;
using Grid.Grains.People;

namespace Grid.Gateway.Security.Access;

/// <summary>
/// The one place an endpoint asks "may this caller do this to this thing". One per request: the
/// caller (with a worker's grids of the day) is read once. Refusals are 403 problems that say what was
/// refused and nothing about the thing itself.
/// </summary>
public sealed class AccessService(IHttpContextAccessor http, IGrainFactory grains, TimeProvider clock)
{
    private Caller? caller;

    private ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

    /// <summary>The caller, with the grids a worker serves today (Shanghai date).</summary>
    public async Task<Caller> CallerAsync()
    {
        if (caller is not null) return caller;
        var c = Caller.Of(User);
        if (c.Role == Roles.Worker && c.SubjectId is { } workerId
            && await grains.GetGrain<IWorkerGrain>(workerId).GetAsync() is { Active: true } worker)
            c = c with { ServedGrids = worker.GridsOn(Today(clock)) };
        return caller = c;
    }

    /// <summary>The caller as the token says, without a worker's grids: for rules that do not need them.</summary>
    public Caller Token => Caller.Of(User);

    public async Task<bool> AllowsAsync(Act act, Target target) => AccessRules.Allows(await CallerAsync(), act, target);

    /// <summary>Goes on when the caller may; else a 403 that says what was refused.</summary>
    public async Task RequireAsync(Act act, Target target, string? refusal = null)
    {
        if (!await AllowsAsync(act, target)) throw new ForbiddenException(refusal ?? Refusal(act, target));
    }

    /// <summary>
    /// A region the caller names (or their own when none): a 400 when it is not a code, a 403 outside
    /// the caller's region. Returns the region to use.
    /// </summary>
    public string Scope(string? region, Act act = Act.Read, string field = "region")
    {
        var scope = Token.SearchRegion(region);
        if (!RegionCodes.IsValid(scope))
            throw ValidationException.For(field, $"'{region}' is not a region code: use the 12-digit statistical division code, e.g. 421202001000.");
        if (!AccessRules.Allows(Token, act, new Target(Kind.Region, scope)))
            throw new ForbiddenException($"Region {scope} lies outside your region {Token.Region}.");
        return scope;
    }

    /// <summary>
    /// What to answer for an id that names nothing: 404 inside the caller's region, 403 outside, so
    /// that ids outside one's region cannot be probed.
    /// </summary>
    public Exception Missing(string id, string what)
    {
        var c = Token;
        return c.Role == Roles.Admin || c.Contains(id)
            ? new NotFoundException($"No {what} has the id {id}.")
            : new ForbiddenException($"That {what} is outside your region.");
    }

    private static string Refusal(Act act, Target t) => (t.Kind, act) switch
    {
        (Kind.Task, Act.Work) => "Only the worker the task is assigned to takes its steps.",
        (Kind.Task, _) => "This task is neither yours nor inside your region.",
        (Kind.Resident, Act.Change) or (Kind.Worker, Act.Change) => "You may not change records outside your region.",
        (Kind.Resident, _) => "That resident is outside the grids or region you serve.",
        (Kind.Worker, _) => "That worker is outside your region.",
        (Kind.Roster, Act.Change) => "Only the staff of the center may change or publish its roster.",
        (Kind.Region, _) => $"Region {t.Region} lies outside your region.",
        _ => $"This {Describe(t.Kind)} is not yours to {(act == Act.Read ? "see" : "change")}.",
    };

    private static string Describe(Kind kind) => kind switch
    {
        Kind.ServiceRecord => "service record",
        Kind.Rectification => "rectification",
        Kind.BundleApplication => "application",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
}
