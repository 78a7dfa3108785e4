using System.Security.Claims;
using Grid.Contracts;
using Grid.Gateway.Security;
using Grid.Grains.Catalog;
using Grid.Grains.Common;
using Grid.Grains.Regions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grid.Gateway.Apis.Common;

/// <summary>Checks every Api folder shares: a region exists, lies in the caller's scope; who the caller is to the grains.</summary>
public static class RegionScope
{
    public static Actor CatalogActor(this ClaimsPrincipal user) =>
        new(user.UserName(), user.Role() ?? "", user.Role() == Roles.Department ? user.SubjectId() : null, user.RegionCode());

    public static async Task RequireRegionAsync(IGrainFactory grains, string code)
    {
        if (!RegionCodes.IsValid(code))
            throw ValidationException.For("code", $"'{code}' is not a region code: use the 12-digit statistical division code, e.g. 421202001000.");
        if (await grains.GetGrain<IRegionGrain>(code).GetAsync() is null) throw new NotFoundException($"No region has the code {code}.");
    }

    /// <summary>A 400 naming the code when it is not a 12-digit region code, else null.</summary>
    public static ValidationProblem? InvalidCode(string code) => RegionCodes.IsValid(code)
        ? null
        : Problems.Invalid("code", $"'{code}' is not a region code: use the 12-digit statistical division code, e.g. 421200000000.");
}
