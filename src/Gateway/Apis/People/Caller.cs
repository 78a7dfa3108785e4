using System.Security.Claims;
using Grid.Contracts;
using Grid.Gateway.Security;
using Grid.Grains.Audit;
using Grid.Grains.People;

namespace Grid.Gateway.Apis.People;

/// <summary>
/// The signed-in user as the people APIs judge them: role, region and, for a worker, the grids
/// served today. Who sees what, and what in clear, is decided here only (docs/people-and-privacy.md).
/// </summary>
public sealed record Caller(string UserName, string Role, string Region, string? SubjectId, IReadOnlyList<string> ServedGrids)
{
    public static readonly string[] PeopleRoles = [Roles.Worker, Roles.CenterStaff, Roles.Coordinator, Roles.Admin];

    public AuditActor Actor => new(UserName, Role);

    public static async Task<Caller> FromAsync(ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        var role = user.Role() ?? "";
        IReadOnlyList<string> served = [];
        if (role == Roles.Worker && user.SubjectId() is { } workerId
            && await grains.GetGrain<IWorkerGrain>(workerId).GetAsync() is { Active: true } worker)
            served = worker.GridsOn(Today(clock));
        return new Caller(user.UserName(), role, user.RegionCode(), user.SubjectId(), served);
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    private bool InRegion(string code) => RegionCodes.Contains(Region, code);

    public bool CanSeeResident(string villageCode, string gridId) => Role switch
    {
        Roles.Admin => true,
        Roles.Coordinator or Roles.CenterStaff => InRegion(villageCode),
        Roles.Worker => ServedGrids.Contains(gridId),
        _ => false,
    };

    public bool CanSeeWorker(WorkerProfile w) => Role switch
    {
        Roles.Admin => true,
        Roles.Coordinator or Roles.CenterStaff => InRegion(w.VillageCode),
        Roles.Worker => w.Id == SubjectId || InRegion(w.VillageCode),
        _ => false,
    };

    /// <summary>Create and change residents and workers: the center of the village, a coordinator above it, an admin.</summary>
    public bool CanManage(string villageCode) => Role switch
    {
        Roles.Admin => true,
        Roles.Coordinator or Roles.CenterStaff => InRegion(villageCode),
        _ => false,
    };

    /// <summary>ID numbers: only the resident's own center and admins.</summary>
    public bool SeesIdNumber(ResidentProfile r) => Role == Roles.Admin || (Role == Roles.CenterStaff && InRegion(r.VillageCode));

    /// <summary>Phones and address: those who visit or call: the grid's workers, the center, admins.</summary>
    public bool SeesContact(ResidentProfile r) =>
        Role == Roles.Admin || (Role == Roles.CenterStaff && InRegion(r.VillageCode)) || (Role == Roles.Worker && ServedGrids.Contains(r.GridId));

    public bool SeesWorkerPhone(WorkerProfile w) =>
        Role == Roles.Admin || w.Id == SubjectId || (Role is Roles.Coordinator or Roles.CenterStaff && InRegion(w.VillageCode));

    /// <summary>The region a search covers: the one asked for, or the caller's own.</summary>
    public string SearchRegion(string? asked) => string.IsNullOrEmpty(asked) ? Region : asked;

    public bool CanSearch(string region) => Role switch
    {
        Roles.Admin => true,
        Roles.Coordinator or Roles.CenterStaff => InRegion(region),
        Roles.Worker => ServedGrids.Any(g => RegionCodes.Contains(region, g)) || InRegion(region),
        _ => false,
    };
}
