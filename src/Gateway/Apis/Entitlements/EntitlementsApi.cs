using Grid.Gateway.Security.Access;
using System.Security.Claims;
using Grid.Contracts;
using Grid.Gateway.Apis.Common;
using Grid.Gateway.Security;
using Grid.Grains.Common;
using Grid.Grains.Delegation;
using Grid.Grains.Entitlements;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

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

    public static async Task<Ok<IReadOnlyList<EntitlementPolicyVersionDto>>> GetPolicies(IGrainFactory grains) =>
        TypedResults.Ok<IReadOnlyList<EntitlementPolicyVersionDto>>((await Catalog(grains).ListAsync()).Select(p => p.ToDto()).ToList());

    public static async Task<Results<Ok<EntitlementPolicyVersionDto>, ProblemHttpResult>> GetPolicy(string id, IGrainFactory grains, HttpResponse response)
    {
        if (await Catalog(grains).GetAsync(id) is not { } p) return PolicyNotFound(id);
        response.Headers.ETag = HttpConcurrency.ETag(p.Version);
        return TypedResults.Ok(p.ToDto());
    }

    public static async Task<Ok<EntitlementPolicyVersionDto>> PutPolicy(string id, EntitlementPolicyDto policy, ClaimsPrincipal user, AccessService access, IGrainFactory grains, HttpContext http)
    {
        if (!Grid.Grains.Catalog.ServiceItemRules.IsValidCode(id)) throw ValidationException.For("id", "Use 3–40 capital letters, digits or '-', e.g. MSJX-001.");
        if (policy is null || policy.Id != id) throw ValidationException.For("id", $"The policy's id must be {id}, as in the address.");
        if (policy.RegionCode is { } r && RegionCodes.IsValid(r)) access.Scope(r, Act.Change, "regionCode");
        var saved = await Catalog(grains).SaveAsync(policy.ToModel(), http.Request.IfMatch(), user.CatalogActor());
        http.Response.Headers.ETag = HttpConcurrency.ETag(saved.Version);
        return TypedResults.Ok(saved.ToDto());
    }

    public static async Task<Results<Ok<Page<EligibleResidentDto>>, ProblemHttpResult>> GetEligible(string id, string? region, [AsParameters] PageQuery paging,
        ClaimsPrincipal user, AccessService access, IGrainFactory grains, TimeProvider clock)
    {
        paging = paging.Checked();
        if (await Catalog(grains).GetAsync(id) is not { Policy: var policy }) return PolicyNotFound(id);
        if (user.Role() == Roles.Department && user.SubjectId() != policy.Department)
            throw new ForbiddenException($"Only {policy.Department}, the responsible department, lists who qualifies for {policy.Name}.");
        var scope = region ?? (RegionCodes.Contains(user.RegionCode(), policy.RegionCode) ? policy.RegionCode : user.RegionCode());
        access.Scope(scope);
        await RegionScope.RequireRegionAsync(grains, scope);
        if (!RegionCodes.Contains(policy.RegionCode, scope))
            throw ValidationException.For("region", $"{policy.Name} applies in {policy.RegionCode}; choose a region inside it.");
        var all = await EligibilityFinder.FindAsync(grains, policy.Rule, scope, ChinaDate.Today(clock));
        return TypedResults.Ok(paging.Of(all));
    }

    private static IEntitlementCatalogGrain Catalog(IGrainFactory grains) => grains.GetGrain<IEntitlementCatalogGrain>(EntitlementCatalogGrain.Key);

    private static ProblemHttpResult PolicyNotFound(string id) => Problems.NotFound($"No no-application benefit policy has the id {id}.");
}
