using System.Security.Claims;
using Grid.Contracts;
using Grid.Grains.Audit;

namespace Grid.Gateway.Security.Access;

/// <summary>
/// The signed-in user as access judges them: role, region, the person the account is (a worker's or
/// a resident's id) and, for a worker, the grids served today. Built once per request by
/// <see cref="AccessService.CallerAsync"/>; decisions are <see cref="AccessRules"/>'s.
/// </summary>
public sealed record Caller(string UserName, string Role, string Region, string? SubjectId, IReadOnlyList<string> ServedGrids)
{
    public AuditActor Actor => new(UserName, Role);

    /// <summary>The caller without the grids a worker serves (enough for every rule but <see cref="Relation.ServesGrid"/>).</summary>
    public static Caller Of(ClaimsPrincipal user) =>
        new(user.UserName(), user.Role() ?? "", user.RegionCode(), user.SubjectId(), []);

    /// <summary>True when <paramref name="codeOrId"/> (a region code, or an id that starts with one) lies in the caller's region.</summary>
    public bool Contains(string codeOrId) => RegionCodes.Contains(Region, codeOrId);

    /// <summary>The region a search or list covers: the one asked for, or the caller's own.</summary>
    public string SearchRegion(string? asked) => string.IsNullOrWhiteSpace(asked) ? Region : asked.Trim();
}
