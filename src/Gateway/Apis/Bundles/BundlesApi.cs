using Grid.Gateway.Security.Access;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Grid.Contracts;
using Grid.Gateway.Apis.Common;
using Grid.Gateway.Security;
using Grid.Grains.Bundles;
using Grid.Grains.Catalog;
using Grid.Grains.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Grid.Gateway.Apis.Bundles;

/// <summary>One-thing services (一件事, Art. 18): one merged set of materials, one application, parallel approvals per item.</summary>
public static class BundlesApi
{
    private static readonly string[] Applicants = [Roles.Resident, Roles.Worker, Roles.CenterStaff, Roles.Coordinator];

    public static RouteGroupBuilder MapBundlesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/bundles").WithTags("Bundles");
        api.MapGet("", GetBundles).WithName("GetBundles").WithSummary("The one-thing list (一件事清单).").AllowAnonymous();
        api.MapGet("/{code}", GetBundle).WithName("GetBundle").WithSummary("A bundle with its items and one merged set of materials (each material once).").AllowAnonymous();
        api.MapPut("/{code}", PutBundle).WithName("PutBundle").WithSummary("Create (no If-Match) or change (If-Match) a bundle; the lead department edits it.")
            .RequireAuthorization(p => p.RequireRole(Roles.Department, Roles.DataBureau, Roles.Admin));
        api.MapPost("/{code}/applications", Apply).WithName("ApplyForBundle").WithSummary("Apply for a bundle once; every item starts pending. Send Idempotency-Key so a retry returns the same application.")
            .RequireAuthorization(p => p.RequireRole(Applicants));
        api.MapGet("/applications/{id}", GetApplication).WithName("GetBundleApplication").WithSummary("An application with each item's approval state.").RequireAuthorization();
        api.MapPost("/applications/{id}/items/{itemCode}/decision", Decide).WithName("DecideBundleItem").WithSummary("The item's department approves or rejects its part.")
            .RequireAuthorization(p => p.RequireRole(Roles.Department, Roles.Admin));
        return api;
    }

    public static async Task<Ok<IReadOnlyList<ServiceBundleVersionDto>>> GetBundles(IGrainFactory grains) =>
        TypedResults.Ok<IReadOnlyList<ServiceBundleVersionDto>>((await Bundles(grains).ListAsync()).Select(b => b.ToDto()).ToList());

    public static async Task<Results<Ok<BundleDetailDto>, ProblemHttpResult>> GetBundle(string code, IGrainFactory grains, HttpResponse response)
    {
        if (await Bundles(grains).GetAsync(code) is not { } b) return Problems.NotFound($"No one-thing service has the code {code}.");
        var items = b.Bundle.ItemCodes.Select(c => grains.GetGrain<IServiceItemGrain>(CatalogKeys.ServiceItem(RegionCodes.City, c))).ToList();
        var versions = await Task.WhenAll(items.Select(i => i.GetAsync()));
        var guides = await Task.WhenAll(items.Select(i => i.GetGuideAsync()));
        var entries = versions.OfType<ServiceItemVersion>().Select(v => new CatalogEntryDto(v.RegionCode, v.Item.Code, v.Item.Name, v.Item.Type,
            v.Item.Field, v.Item.Levels, v.Item.Department, v.Version, v.Item.RequiredSkills)).ToList();
        var merged = MaterialMerger.Merge(b.Bundle.ItemCodes.Select((c, i) => (c, guides[i]?.Guide)));
        response.Headers.ETag = HttpConcurrency.ETag(b.Version);
        return TypedResults.Ok(new BundleDetailDto(b.ToDto(), entries, merged.Select(m => m.ToDto()).ToList()));
    }

    public static async Task<Ok<ServiceBundleVersionDto>> PutBundle(string code, ServiceBundleDto bundle, ClaimsPrincipal user, IGrainFactory grains, HttpContext http)
    {
        if (bundle is null || bundle.Code != code) throw ValidationException.For("code", $"The bundle's code must be {code}, as in the address.");
        var saved = await Bundles(grains).SaveAsync(bundle.ToModel(), http.Request.IfMatch(), user.CatalogActor());
        http.Response.Headers.ETag = HttpConcurrency.ETag(saved.Version);
        return TypedResults.Ok(saved.ToDto());
    }

    public static async Task<Results<Created<BundleApplicationDto>, ProblemHttpResult>> Apply(string code, BundleApplyRequest request,
        ClaimsPrincipal user, AccessService access, IGrainFactory grains, TimeProvider clock, HttpRequest http)
    {
        if (await Bundles(grains).GetAsync(code) is not { } b) return Problems.NotFound($"No one-thing service has the code {code}.");
        var residentId = user.Role() == Roles.Resident ? user.SubjectId() : request.ResidentId;
        var region = request.RegionCode ?? "";
        if (!RegionCodes.IsValid(region)) throw ValidationException.For("regionCode", "Give the 12-digit code of the village or township where the application is handled.");
        await access.RequireAsync(Act.Change, new Target(Kind.Request, region, Owner: residentId), "You may apply only in your own region.");
        if (residentId is not null)
        {
            var resident = await grains.GetGrain<Grid.Grains.People.IResidentGrain>(residentId).GetAsync() ?? throw access.Missing(residentId, "resident");
            await access.RequireAsync(Act.Change, new Target(Kind.Request, resident.VillageCode, Owner: resident.Id), "You may apply only for yourself or residents in your region.");
        }
        var items = await Task.WhenAll(b.Bundle.ItemCodes.Select(c => grains.GetGrain<IServiceItemGrain>(CatalogKeys.ServiceItem(RegionCodes.City, c)).GetAsync()));
        var approvals = items.OfType<ServiceItemVersion>()
            .Select(v => new ItemApproval(v.Item.Code, v.Item.Name, v.Item.Department, ApprovalState.Pending, null, null, null)).ToList();
        var key = http.Headers["Idempotency-Key"].ToString();
        var id = string.IsNullOrWhiteSpace(key) ? Guid.NewGuid().ToString("N")[..16]
            : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{user.UserName()}|{code}|{key}")))[..16].ToLowerInvariant();
        var app = await grains.GetGrain<IBundleApplicationGrain>(id).CreateAsync(new BundleApplication(id, code, region, residentId,
            user.UserName(), clock.GetUtcNow().UtcDateTime, approvals, BundleApplicationStatus.InProgress));
        return TypedResults.Created($"/api/bundles/applications/{app.Id}", app.ToDto());
    }

    public static async Task<Results<Ok<BundleApplicationDto>, ProblemHttpResult>> GetApplication(string id, AccessService access, IGrainFactory grains)
    {
        if (await grains.GetGrain<IBundleApplicationGrain>(id).GetAsync() is not { } app) return Problems.NotFound($"No bundle application {id}.");
        await access.RequireAsync(Act.Read, Target(app));
        return TypedResults.Ok(app.ToDto());
    }

    public static async Task<Results<Ok<BundleApplicationDto>, ProblemHttpResult>> Decide(string id, string itemCode, BundleDecisionRequest request,
        ClaimsPrincipal user, AccessService access, IGrainFactory grains)
    {
        if (await grains.GetGrain<IBundleApplicationGrain>(id).GetAsync() is not { } app) return Problems.NotFound($"No bundle application {id}.");
        await access.RequireAsync(Act.Change, Target(app), "Only a department with an item in this application decides on it.");
        return TypedResults.Ok((await grains.GetGrain<IBundleApplicationGrain>(id).DecideAsync(itemCode, request.Approved, user.CatalogActor(), request.Note)).ToDto());
    }

    /// <summary>An application as access sees it: where it is handled, whose it is, which departments decide on it.</summary>
    private static Target Target(BundleApplication app) =>
        new(Kind.BundleApplication, app.RegionCode, Owner: app.ResidentId, Departments: [.. app.Items.Select(i => i.Department)]);

    private static IBundleCatalogGrain Bundles(IGrainFactory grains) => grains.GetGrain<IBundleCatalogGrain>(BundleCatalogGrain.Key);
}
