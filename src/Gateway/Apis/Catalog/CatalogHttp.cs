using System.Security.Claims;
using Grid.Contracts;
using Grid.Gateway.Security;
using Grid.Grains.Catalog;
using Grid.Grains.Common;
using Grid.Grains.Regions;
using Microsoft.AspNetCore.Mvc;

namespace Grid.Gateway.Apis.Catalog;

/// <summary>Helpers the catalog, delegation, benefit and bundle APIs share: actor, ETags, scope and paging checks.</summary>
internal static class CatalogHttp
{
    public const int MaxPageSize = 100;

    public static Actor Actor(this ClaimsPrincipal user) =>
        new(user.UserName(), user.Role() ?? "", user.Role() == Roles.Department ? user.SubjectId() : null, user.RegionCode());

    public static string ETag(int version) => $"\"{version}\"";

    /// <summary>The version in If-Match ("3" or W/"3"), null when absent; a malformed value is a 400 naming the header.</summary>
    public static int? IfMatch(HttpRequest request)
    {
        var raw = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var value = raw.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        return int.TryParse(value.Trim('"'), out var v) && v > 0
            ? v : throw ValidationException.For("If-Match", $"If-Match must be the ETag you read, e.g. \"3\"; '{raw}' is not one.");
    }

    public static async Task RequireRegionAsync(IGrainFactory grains, string code)
    {
        if (!RegionCodes.IsValid(code))
            throw ValidationException.For("code", $"'{code}' is not a region code: use the 12-digit statistical division code, e.g. 421202001000.");
        if (await grains.GetGrain<IRegionGrain>(code).GetAsync() is null) throw new NotFoundException($"No region has the code {code}.");
    }

    public static void RequireScope(ClaimsPrincipal user, string code)
    {
        if (!user.CanSee(code)) throw new ForbiddenException($"Region {code} lies outside your region {user.RegionCode()}.");
    }

    public static void RequireItemCode(string code)
    {
        if (!ServiceItemRules.IsValidCode(code)) throw ValidationException.For("itemCode", $"'{code}' is not an item code: use 3–40 capital letters, digits or '-'.");
    }

    public static (int Index, int Size) Paging(int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 0) errors["page"] = ["Pages count from 0."];
        if (pageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"Use a page size of 1–{MaxPageSize}."];
        if (errors.Count > 0) throw new ValidationException(errors);
        return (page ?? 0, pageSize ?? 20);
    }

    public static ProblemDetails Inconsistent(CatalogInconsistencyException e) => new()
    {
        Status = 409, Title = "The item differs from the city's version in common elements.", Detail = e.Message,
        Extensions = { ["differences"] = e.Differences },
    };
}
