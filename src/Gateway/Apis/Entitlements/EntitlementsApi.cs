using System.Security.Claims;
using Grid.Contracts;
using Grid.Gateway.Security;
using Grid.Grains.Common;
using Grid.Grains.Delegation;
using Grid.Grains.Entitlements;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

using Grid.Gateway.Apis.Catalog;

namespace Grid.Gateway.Apis.Entitlements;

/// <summary>No-application benefits (免申即享, Art. 12): public policies, and who qualifies for the responsible department.</summary>
public static class EntitlementsApi
{
    public static RouteGroupBuilder MapEntitlementsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/entitlements").WithTags("Entitlements");
        api.MapGet("", GetPolicies).WithName("GetEntitlementPolicies").WithSummary("The no-application benefit list (免申即享清单).").AllowAnonymous();
        api.MapGet("/{id}", GetPolicy).WithName("GetEntitlementPolicy").WithSummary("One policy and its eligibility rule; ETag is its version.").AllowAnonymous();
        api.MapPut("/{id}", PutPolicy).WithName("PutEntitlementPolicy").WithSummary("Create (no If-Match) or change (If-Match) a policy; department staff manage their department's.")
            .RequireAuthorization(p => p.RequireRole(Roles.Department, Roles.DataBureau, Roles.Admin));
        api.MapGet("/{id}/eligible", GetEligible).WithName("GetEligibleResidents").WithSummary("Residents in a region who qualify, masked, for the responsible department to grant without application; paged.")
            .RequireAuthorization(p => p.RequireRole(Roles.Department, Roles.Admin));
        return api;
    }

    public static async Task<Ok<IReadOnlyList<EntitlementPolicyVersion>>> GetPolicies(IGrainFactory grains) =>
        TypedResults.Ok(await Catalog(grains).ListAsync());

    public static async Task<Results<Ok<EntitlementPolicyVersion>, ProblemHttpResult>> GetPolicy(string id, IGrainFactory grains, HttpResponse response)
    {
        if (await Catalog(grains).GetAsync(id) is not { } p) return NotFound(id);
        response.Headers.ETag = CatalogHttp.ETag(p.Version);
        return TypedResults.Ok(p);
    }

    public static async Task<Ok<EntitlementPolicyVersion>> PutPolicy(string id, EntitlementPolicy policy, ClaimsPrincipal user, IGrainFactory grains, HttpContext http)
    {
        if (!Grid.Grains.Catalog.ServiceItemRules.IsValidCode(id)) throw ValidationException.For("id", "Use 3–40 capital letters, digits or '-', e.g. MSJX-001.");
        if (policy is null || policy.Id != id) throw ValidationException.For("id", $"The policy's id must be {id}, as in the address.");
        if (policy.RegionCode is { } r && RegionCodes.IsValid(r)) CatalogHttp.RequireScope(user, r);
        var saved = await Catalog(grains).SaveAsync(policy, CatalogHttp.IfMatch(http.Request), user.Actor());
        http.Response.Headers.ETag = CatalogHttp.ETag(saved.Version);
        return TypedResults.Ok(saved);
    }

    public static async Task<Results<Ok<Page<EligibleResident>>, ProblemHttpResult>> GetEligible(string id, string? region, int? page, int? pageSize,
        ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        var (index, size) = CatalogHttp.Paging(page, pageSize);
        if (await Catalog(grains).GetAsync(id) is not { Policy: var policy }) return NotFound(id);
        if (user.Role() == Roles.Department && user.SubjectId() != policy.Department)
            throw new ForbiddenException($"Only {policy.Department}, the responsible department, lists who qualifies for {policy.Name}.");
        var scope = region ?? (RegionCodes.Contains(user.RegionCode(), policy.RegionCode) ? policy.RegionCode : user.RegionCode());
        await CatalogHttp.RequireRegionAsync(grains, scope);
        CatalogHttp.RequireScope(user, scope);
        if (!RegionCodes.Contains(policy.RegionCode, scope))
            throw ValidationException.For("region", $"{policy.Name} applies in {policy.RegionCode}; choose a region inside it.");
        var all = await EligibilityFinder.FindAsync(grains, policy.Rule, scope, ChinaDate.Today(clock));
        return TypedResults.Ok(new Page<EligibleResident>(all.Skip(index * size).Take(size).ToList(), index, size, all.Count));
    }

    private static IEntitlementCatalogGrain Catalog(IGrainFactory grains) => grains.GetGrain<IEntitlementCatalogGrain>(EntitlementCatalogGrain.Key);

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: 404, title: "Not found.", detail: $"No no-application benefit policy has the id {id}.");
}
