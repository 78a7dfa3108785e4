using Grid.Grains.Catalog;
using Grid.Grains.Common;
using Microsoft.AspNetCore.Mvc;

namespace Grid.Gateway.Apis.Catalog;

/// <summary>Catalog-only checks and answers; what other Api folders share lives in Apis/Common.</summary>
internal static class CatalogHttp
{
    public static void RequireItemCode(string code)
    {
        if (!ServiceItemRules.IsValidCode(code)) throw ValidationException.For("itemCode", $"'{code}' is not an item code: use 3–40 capital letters, digits or '-'.");
    }

    public static ProblemDetails Inconsistent(CatalogInconsistencyException e) => new()
    {
        Status = 409, Title = "The item differs from the city's version in common elements.", Detail = e.Message,
        Extensions = { ["differences"] = e.Differences.Select(d => d.ToDto()).ToList() },
    };
}
