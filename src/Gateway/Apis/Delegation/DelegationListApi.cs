using Grid.Gateway.Security.Access;
using System.Security.Claims;
using Grid.Contracts;
using Grid.Gateway.Apis.Common;
using Grid.Grains.Common;
using Grid.Grains.Delegation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Grid.Gateway.Apis.Delegation;

/// <summary>
/// The delegation list (高频服务事项下沉清单, Art. 11, 13, 15): proposals through the approval
/// workflow (roles per step: see <see cref="DelegationWorkflow"/>), publication as immutable numbered
/// versions, and the public read that web, app and hall display share.
/// </summary>
public static class DelegationListApi
{
    private static readonly string[] Staff = [Roles.Department, Roles.DataBureau, Roles.Admin, Roles.Coordinator];
    private static readonly Dictionary<string, DelegationStep> StepNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["party-group-review"] = DelegationStep.PartyGroupReview,
        ["leader-approval"] = DelegationStep.LeaderApproval,
        ["aggregation"] = DelegationStep.Aggregation,
        ["executive-meeting-decision"] = DelegationStep.ExecutiveMeetingDecision,
    };

    public static RouteGroupBuilder MapDelegationListApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/delegation/regions/{code}").WithTags("DelegationList").RequireAuthorization(p => p.RequireRole(Staff));
        api.MapPost("/proposals", Propose).WithName("ProposeDelegation").WithSummary("Department: draft a proposal to add, adjust or remove an item on a township's or village's list; the frequency class comes from request volume when the platform has it.");
        api.MapGet("/proposals", GetProposals).WithName("GetDelegationProposals").WithSummary("The region's proposals with their workflow trail.");
        api.MapGet("/proposals/{id}", GetProposal).WithName("GetDelegationProposal").WithSummary("One proposal with its workflow trail.");
        api.MapPost("/proposals/{id}/steps/{step}", Advance).WithName("AdvanceDelegationProposal")
            .WithSummary("Record a workflow step: party-group-review (Department), leader-approval (Admin), aggregation (DataBureau), executive-meeting-decision (Admin).");
        api.MapPost("/publications", Publish).WithName("PublishDelegationList").WithSummary("DataBureau: publish the decided proposals as the next numbered version, effective from a date.");

        var pub = app.MapGroup("/api/public/regions/{code}/delegation-list").WithTags("DelegationList").AllowAnonymous();
        pub.MapGet("", GetCurrent).WithName("GetCurrentDelegationList").WithSummary("The delegation list in effect today (Asia/Shanghai): same source for web, app and hall display.");
        pub.MapGet("/versions", GetVersions).WithName("GetDelegationListVersions").WithSummary("Every published version of the region's list.");
        pub.MapGet("/versions/{number:int}", GetVersion).WithName("GetDelegationListVersion").WithSummary("One published version; it never changes.");
        return api;
    }

    public static async Task<Created<DelegationProposalDto>> Propose(string code, DelegationProposalRequest draft, ClaimsPrincipal user, AccessService access, IGrainFactory grains)
    {
        await Scoped(code, access, grains);
        var p = await List(grains, code).ProposeAsync(draft.ToModel(), user.CatalogActor());
        return TypedResults.Created($"/api/delegation/regions/{code}/proposals/{p.Id}", p.ToDto());
    }

    public static async Task<Ok<IReadOnlyList<DelegationProposalDto>>> GetProposals(string code, ClaimsPrincipal user, AccessService access, IGrainFactory grains)
    {
        await Scoped(code, access, grains);
        return TypedResults.Ok<IReadOnlyList<DelegationProposalDto>>((await List(grains, code).GetProposalsAsync()).Select(p => p.ToDto()).ToList());
    }

    public static async Task<Results<Ok<DelegationProposalDto>, ProblemHttpResult>> GetProposal(string code, string id, ClaimsPrincipal user, AccessService access, IGrainFactory grains)
    {
        await Scoped(code, access, grains);
        return await List(grains, code).GetProposalAsync(id) is { } p ? TypedResults.Ok(p.ToDto()) : Problems.NotFound($"Region {code} has no proposal {id}.");
    }

    public static async Task<Ok<DelegationProposalDto>> Advance(string code, string id, string step, DelegationStepRequest request, ClaimsPrincipal user, AccessService access, IGrainFactory grains)
    {
        if (!StepNames.TryGetValue(step, out var s))
            throw ValidationException.For("step", $"Use one of the steps {string.Join(", ", StepNames.Keys)}.");
        await Scoped(code, access, grains);
        return TypedResults.Ok((await List(grains, code).AdvanceAsync(id, s, user.CatalogActor(), request.Approved, request.Reference, request.Note)).ToDto());
    }

    public static async Task<Created<DelegationListVersionDto>> Publish(string code, PublishDelegationListRequest request, ClaimsPrincipal user, AccessService access, IGrainFactory grains)
    {
        await Scoped(code, access, grains);
        var v = await List(grains, code).PublishAsync(request.EffectiveDate, user.CatalogActor());
        return TypedResults.Created($"/api/public/regions/{code}/delegation-list/versions/{v.Number}", v.ToDto());
    }

    public static async Task<Results<Ok<DelegationListVersionDto>, ProblemHttpResult>> GetCurrent(string code, IGrainFactory grains, HttpResponse response)
    {
        await RegionScope.RequireRegionAsync(grains, code);
        if (await List(grains, code).GetCurrentAsync() is not { } v) return Problems.NotFound($"Region {code} has no delegation list in effect yet.");
        response.Headers.ETag = HttpConcurrency.ETag(v.Number);
        return TypedResults.Ok(v.ToDto());
    }

    public static async Task<Ok<IReadOnlyList<DelegationVersionSummaryDto>>> GetVersions(string code, IGrainFactory grains)
    {
        await RegionScope.RequireRegionAsync(grains, code);
        return TypedResults.Ok<IReadOnlyList<DelegationVersionSummaryDto>>((await List(grains, code).GetVersionsAsync()).Select(v => v.ToDto()).ToList());
    }

    public static async Task<Results<Ok<DelegationListVersionDto>, ProblemHttpResult>> GetVersion(string code, int number, IGrainFactory grains, HttpResponse response)
    {
        await RegionScope.RequireRegionAsync(grains, code);
        if (await List(grains, code).GetVersionAsync(number) is not { } v) return Problems.NotFound($"Region {code} has no published version {number}.");
        response.Headers.ETag = HttpConcurrency.ETag(v.Number);
        response.Headers.CacheControl = "public, max-age=86400, immutable";
        return TypedResults.Ok(v.ToDto());
    }

    private static IDelegationListGrain List(IGrainFactory grains, string code) => grains.GetGrain<IDelegationListGrain>(code);

    private static async Task Scoped(string code, AccessService access, IGrainFactory grains)
    {
        access.Scope(code, Act.Read, "code");
        await RegionScope.RequireRegionAsync(grains, code);
    }
}
