using Grid.Grains.Catalog;
using Grid.Grains.Common;
using Grid.Gateway.Apis.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grid.Gateway.Apis.Catalog;

/// <summary>Catalog-only checks and answers; what other Api folders share lives in Apis/Common.</summary>
internal static class CatalogHttp
{
    public static void RequireItemCode(string code)
    {
        if (!ServiceItemRules.IsValidCode(code)) throw ValidationException.For("itemCode", $"'{code}' is not an item code: use 3–40 capital letters, digits or '-'.");
    }

    public static ProblemHttpResult Inconsistent(CatalogInconsistencyException e)
    {
        var problem = Problems.Details(409, "The item differs from the city's version in common elements.", e.Message);
        problem.Extensions["differences"] = e.Differences.Select(d => d.ToDto()).ToList();
        return TypedResults.Problem(problem);
    }
}
