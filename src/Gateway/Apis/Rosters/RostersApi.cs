using Grid.Gateway.Security.Access;
using System.Security.Claims;
using Grid.Contracts;
using Grid.Gateway.Apis.Common;
using Grid.Gateway.Security;
using Grid.Grains.Common;
using Grid.Grains.Regions;
using Grid.Grains.Rosters;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Grid.Gateway.Apis.Rosters;

/// <summary>
/// The assisted-agency (帮办代办) roster of a party-service center (Art. 29): its staff draft and
/// publish it; every published version is numbered, never changes, and is public from one source
/// for the website, the app and the hall display.
/// </summary>
public static class RostersApi
{
    public static void MapRostersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/villages/{code}/roster").WithTags("Rosters")
            .RequireAuthorization(p => p.RequireRole(Roles.CenterStaff, Roles.Coordinator, Roles.Admin));
        api.MapGet("/draft", GetRosterDraft).WithName("GetRosterDraft").WithSummary("The center's roster draft and its ETag.");
        api.MapPut("/draft", PutRosterDraft).WithName("PutRosterDraft").WithSummary("Replace the roster draft (center staff; If-Match required).");
        api.MapPost("/publish", PublishRoster).WithName("PublishRoster").WithSummary("Publish the draft as the next numbered version (center staff; If-Match required).");

        var pub = app.MapGroup("/api/public/villages/{code}/roster").WithTags("Public").AllowAnonymous();
        pub.MapGet("/", GetPublishedRoster).WithName("GetPublishedRoster").WithSummary("The current published roster of a village or community center.");
        pub.MapGet("/versions", ListRosterVersions).WithName("ListRosterVersions").WithSummary("Every published version's number and date.");
        pub.MapGet("/versions/{number}", GetRosterVersion).WithName("GetRosterVersion").WithSummary("One published version; it never changes.");
    }

    public static async Task<Ok<RosterDraftDto>> GetRosterDraft(string code, AccessService access, IGrainFactory grains, HttpResponse response)
    {
        await CheckAsync(code, access, grains, write: false);
        var draft = await grains.GetGrain<IRosterGrain>(code).GetDraftAsync();
        response.Headers.ETag = HttpConcurrency.ETag(draft.Revision);
        return TypedResults.Ok(ToDto(code, draft));
    }

    public static async Task<Results<Ok<RosterDraftDto>, ValidationProblem, ProblemHttpResult>> PutRosterDraft(
        string code, RosterDraftRequest request, ClaimsPrincipal user, AccessService access, IGrainFactory grains, HttpResponse response,
        [FromHeader(Name = "If-Match")] string? ifMatch)
    {
        if (Preconditions.Parse(ifMatch) is not { } revision) return Preconditions.Required();
        var errors = Validate(request);
        if (errors.Count > 0) return Problems.Invalid(errors);
        await CheckAsync(code, access, grains, write: true);
        var entries = (request.Entries ?? []).Select(e => new RosterEntry(e.PersonName.Trim(), e.Role.Trim(), e.Phone.Trim(), e.ServiceScope.Trim(), e.Hours.Trim(), e.WorkerId)).ToList();
        var draft = await grains.GetGrain<IRosterGrain>(code).SaveDraftAsync(entries, revision, user.UserName());
        response.Headers.ETag = HttpConcurrency.ETag(draft.Revision);
        return TypedResults.Ok(ToDto(code, draft));
    }

    public static async Task<Results<Created<RosterVersionDto>, ProblemHttpResult>> PublishRoster(
        string code, ClaimsPrincipal user, AccessService access, IGrainFactory grains, [FromHeader(Name = "If-Match")] string? ifMatch)
    {
        if (Preconditions.Parse(ifMatch) is not { } revision) return Preconditions.Required();
        var name = await CheckAsync(code, access, grains, write: true);
        var version = await grains.GetGrain<IRosterGrain>(code).PublishAsync(revision, user.UserName());
        return TypedResults.Created($"/api/public/villages/{code}/roster/versions/{version.Number}", ToDto(code, name, version));
    }

    public static async Task<Ok<RosterVersionDto>> GetPublishedRoster(string code, IGrainFactory grains, HttpResponse response)
    {
        var name = await VillageNameAsync(code, grains);
        var current = await grains.GetGrain<IRosterGrain>(code).GetCurrentAsync()
            ?? throw new NotFoundException($"{name} has not published an assisted-agency roster yet.");
        response.Headers.CacheControl = "public, max-age=60";
        return TypedResults.Ok(ToDto(code, name, current));
    }

    public static async Task<Ok<IReadOnlyList<RosterVersionInfoDto>>> ListRosterVersions(string code, IGrainFactory grains)
    {
        await VillageNameAsync(code, grains);
        var versions = await grains.GetGrain<IRosterGrain>(code).GetVersionsAsync();
        return TypedResults.Ok<IReadOnlyList<RosterVersionInfoDto>>(
            [.. versions.Select(v => new RosterVersionInfoDto(v.Number, Shanghai(v.PublishedAtUtc), v.Entries.Count))]);
    }

    public static async Task<Ok<RosterVersionDto>> GetRosterVersion(string code, int number, IGrainFactory grains, HttpResponse response)
    {
        var name = await VillageNameAsync(code, grains);
        var version = await grains.GetGrain<IRosterGrain>(code).GetVersionAsync(number)
            ?? throw new NotFoundException($"{name} has no published roster version {number}.");
        response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return TypedResults.Ok(ToDto(code, name, version));
    }

    /// <summary>Center staff edit their own center's roster; coordinators above it and admins may read the draft, admins may edit.</summary>
    private static async Task<string> CheckAsync(string code, AccessService access, IGrainFactory grains, bool write)
    {
        var name = await VillageNameAsync(code, grains);
        await access.RequireAsync(write ? Act.Change : Act.Read, new Target(Kind.Roster, code),
            write ? $"Only the staff of {name}'s center may change or publish its roster." : $"{name} is outside your region.");
        return name;
    }

    private static async Task<string> VillageNameAsync(string code, IGrainFactory grains)
    {
        if (!RegionCodes.IsValid(code) || RegionCodes.LevelOf(code) != RegionLevel.Village)
            throw ValidationException.For("code", $"'{code}' is not a village or community code: use its 12-digit statistical code.");
        return (await grains.GetGrain<IRegionGrain>(code).GetAsync())?.Info.Name
            ?? throw new NotFoundException($"No village or community has the code {code}.");
    }

    private static Dictionary<string, string[]> Validate(RosterDraftRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var entries = request.Entries ?? [];
        if (entries.Count > 200) errors["entries"] = ["A roster holds at most 200 people."];
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (string.IsNullOrWhiteSpace(e.PersonName) || e.PersonName.Length > 50) errors[$"entries[{i}].personName"] = ["Enter the person's name (1–50 characters)."];
            if (string.IsNullOrWhiteSpace(e.Role) || e.Role.Length > 50) errors[$"entries[{i}].role"] = ["Say the person's role, e.g. 网格员 or 党员干部."];
            if (string.IsNullOrWhiteSpace(e.Phone) || e.Phone.Trim().Length is < 7 or > 20 || !e.Phone.Trim().All(c => char.IsAsciiDigit(c) || c == '-'))
                errors[$"entries[{i}].phone"] = ["Give the contact number residents should call (digits and '-')."];
            if (string.IsNullOrWhiteSpace(e.ServiceScope) || e.ServiceScope.Length > 200) errors[$"entries[{i}].serviceScope"] = ["Say what the person helps with (1–200 characters)."];
            if (string.IsNullOrWhiteSpace(e.Hours) || e.Hours.Length > 100) errors[$"entries[{i}].hours"] = ["Give the hours, e.g. 周一至周五 8:30-17:30."];
        }
        return errors;
    }

    private static RosterDraftDto ToDto(string code, RosterDraft d) => new(code, [.. d.Entries.Select(ToDto)], d.Revision,
        d.UpdatedAtUtc is { } at ? Shanghai(at) : null, d.UpdatedBy);

    private static RosterVersionDto ToDto(string code, string name, RosterVersion v) =>
        new(code, name, v.Number, Shanghai(v.PublishedAtUtc), [.. v.Entries.Select(ToDto)]);

    private static RosterEntryDto ToDto(RosterEntry e) => new(e.PersonName, e.Role, e.Phone, e.ServiceScope, e.Hours, e.WorkerId);

    private static DateTimeOffset Shanghai(DateTime utc) => new DateTimeOffset(utc, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(8));
}
