using System.Security.Claims;
using Grid.Contracts;
using Grid.Gateway.Apis.Common;
using Grid.Gateway.Security;
using Grid.Gateway.Security.Access;
using Grid.Grains.Common;
using Grid.Grains.Evaluations;
using Grid.Grains.Regions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using K = Grid.Grains.Evaluations.RectificationStepKind;

namespace Grid.Gateway.Apis.Evaluations;

/// <summary>Bad-review rectification (差评整改): the handling unit calls back, verifies, fixes or explains; the resident re-rates.</summary>
public static class RectificationsApi
{
    private static readonly string[] ActorRoles = [Roles.CenterStaff, Roles.Worker, Roles.Coordinator, Roles.Department, Roles.Admin];

    public static void MapRectificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/rectifications").WithTags("Rectifications").RequireAuthorization();
        app.MapGet("/api/rectifications", List).WithTags("Rectifications").WithName("ListRectifications")
            .WithSummary("Rectifications in the caller's region, most urgent first; ?overdue=true for the coordinator's overdue list.")
            .RequireAuthorization(p => p.RequireRole(EvaluationMapping.StaffRoles));
        api.MapGet("/{id}", Get).WithName("GetRectification").WithSummary("A rectification with its steps (ETag for If-Match).");
        api.MapPost("/{id}/steps", Step).WithName("TakeRectificationStep")
            .WithSummary("CallBack → Verify → Fix (with evidence) or Explain → ReRate (by the resident, or staff taking the call). If-Match honoured.");
        api.MapPost("/{id}/appeal", Appeal).WithName("AppealReview").WithSummary("Appeal a malicious or mistaken review; the data bureau decides.")
            .RequireAuthorization(p => p.RequireRole(ActorRoles));
        api.MapPost("/{id}/appeal/decision", Decide).WithName("DecideAppeal")
            .WithSummary("Uphold (the review is voided) or reject an appeal. Data bureau only.")
            .RequireAuthorization(p => p.RequireRole(Roles.DataBureau));
    }

    public static async Task<Ok<Page<RectificationSummaryDto>>> List(ClaimsPrincipal user, IGrainFactory grains,
        bool? overdue, RectificationState? status, [AsParameters] PageQuery paging)
    {
        paging = paging.Checked();
        var scope = user.RegionCode();
        IEnumerable<string> counties = RegionCodes.LevelOf(scope) == RegionLevel.City
            ? (await grains.GetGrain<IRegionGrain>(scope).GetChildrenAsync()).Select(c => c.Code)
            : [RegionCodes.CountyOf(scope)];
        var query = new RectificationQuery(scope, overdue, status);
        var lists = await Task.WhenAll(counties.Select(c => grains.GetGrain<IRectificationIndexGrain>(c).ListAsync(query)));
        var all = lists.SelectMany(l => l).OrderBy(r => r.CurrentDueUtc ?? DateTime.MaxValue).ThenBy(r => r.RecordId, StringComparer.Ordinal).ToList();
        return TypedResults.Ok(paging.Of(all.Select(r => r.ToDto()).ToList()));
    }

    public static async Task<Ok<RectificationDto>> Get(string id, AccessService access, IGrainFactory grains, HttpContext http)
    {
        var info = await FindAsync(grains, id);
        await access.RequireAsync(Act.Read, info.Target());
        return Versioned(http, info);
    }

    public static async Task<Ok<RectificationDto>> Step(string id, RectificationStepRequest request, ClaimsPrincipal user,
        AccessService access, IGrainFactory grains, HttpContext http, [FromHeader(Name = "If-Match")] string? ifMatch)
    {
        var info = await FindAsync(grains, id);
        var kind = request.Action switch
        {
            RectificationActionKind.CallBack => K.CallBack,
            RectificationActionKind.Verify => K.Verify,
            RectificationActionKind.Fix => K.Fix,
            RectificationActionKind.Explain => K.Explain,
            RectificationActionKind.ReRate => K.ReRate,
            _ => throw ValidationException.For("action", "Use CallBack, Verify, Fix, Explain or ReRate."),
        };
        if (user.Role() == Roles.Resident && kind != K.ReRate)
            throw new ForbiddenException("The resident who gave the review re-rates; the handling unit takes the other steps.");
        await access.RequireAsync(Act.Change, info.Target());
        var action = new RectificationAction(kind, user.UserName(), request.Note, Clean(request.Evidence), request.Level, null, null);
        return Versioned(http, await grains.GetGrain<IRectificationGrain>(id).ActAsync(action, HttpConcurrency.IfMatch(ifMatch)));
    }

    public static async Task<Ok<RectificationDto>> Appeal(string id, AppealRequest request, ClaimsPrincipal user, AccessService access,
        IGrainFactory grains, HttpContext http, [FromHeader(Name = "If-Match")] string? ifMatch)
    {
        await access.RequireAsync(Act.Change, (await FindAsync(grains, id)).Target());
        var action = new RectificationAction(K.Appeal, user.UserName(), request.Statement, [], null, request.Reason, null);
        return Versioned(http, await grains.GetGrain<IRectificationGrain>(id).ActAsync(action, HttpConcurrency.IfMatch(ifMatch)));
    }

    /// <summary>The route admits the data bureau only; the rectification must lie in its region.</summary>
    public static async Task<Ok<RectificationDto>> Decide(string id, AppealDecisionRequest request, ClaimsPrincipal user, AccessService access,
        IGrainFactory grains, HttpContext http, [FromHeader(Name = "If-Match")] string? ifMatch)
    {
        await access.RequireAsync(Act.Read, (await FindAsync(grains, id)).Target());
        var action = new RectificationAction(K.AppealDecision, user.UserName(), request.Note, [], null, null, request.Upheld);
        return Versioned(http, await grains.GetGrain<IRectificationGrain>(id).ActAsync(action, HttpConcurrency.IfMatch(ifMatch)));
    }

    private static async Task<RectificationInfo> FindAsync(IGrainFactory grains, string id) =>
        await grains.GetGrain<IRectificationGrain>(id).GetAsync()
            ?? throw new NotFoundException($"No rectification exists for service record {id}.");

    private static Ok<RectificationDto> Versioned(HttpContext http, RectificationInfo info)
    {
        http.Response.Headers.ETag = HttpConcurrency.ETag(info.Version);
        return TypedResults.Ok(info.ToDto());
    }

    private static IReadOnlyList<string> Clean(IReadOnlyList<string>? evidence)
    {
        var list = (evidence ?? []).Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).ToList();
        if (list.Count > 20 || list.Any(e => e.Length > 500))
            throw ValidationException.For("evidence", "Give at most 20 evidence references of up to 500 characters each.");
        return list;
    }
}
