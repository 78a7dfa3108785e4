using Grid.Contracts;
using Grid.Gateway.Apis.Common;
using Grid.Grains.Audit;
using Grid.Grains.Regions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grid.Gateway.Apis.Audit;

/// <summary>The audit trail of personal data, for administrators.</summary>
public static class AuditApi
{
    public const int MaxWindowDays = 31;

    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/audit").WithTags("Admin").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        api.MapGet("/", QueryAudit).WithName("QueryAudit")
            .WithSummary("Who read or changed whose personal data, newest first; filter by subject, actor and time (at most 31 days, default the last 7).");
        api.MapGet("/export", AuditExports.ExportAudit).WithName("ExportAudit").Produces(200, contentType: Sheets.XlsxType, additionalContentTypes: [Sheets.CsvType])
            .WithSummary("The audit search (subject, actor, at most 31 days) as XLSX or CSV, newest first.");
        return api;
    }

    public static async Task<Results<Ok<Page<AuditEntryDto>>, ValidationProblem>> QueryAudit(
        IAuditLog audit, IGrainFactory grains, TimeProvider clock, string? subject, string? actor, DateTimeOffset? from, DateTimeOffset? to,
        int pageIndex = 0, int pageSize = 50)
    {
        // The API's one paging, with the audit's larger page and default (an administrator reads long windows).
        var paging = new PageQuery(pageIndex, pageSize);
        var errors = paging.Errors(maxPageSize: 200);
        var window = Window(clock, from, to, errors);
        if (errors.Count > 0) return Problems.Invalid(errors);

        return TypedResults.Ok(paging.Of(await EntriesAsync(audit, grains, subject, actor, window)));
    }

    /// <summary>The time window asked for (default the last 7 days), its problems added to <paramref name="errors"/>.</summary>
    internal static (DateTime Since, DateTime Until) Window(TimeProvider clock, DateTimeOffset? from, DateTimeOffset? to, Dictionary<string, string[]> errors)
    {
        var until = (to ?? clock.GetUtcNow()).UtcDateTime;
        var since = (from ?? clock.GetUtcNow().AddDays(-7)).UtcDateTime;
        if (since >= until) errors["from"] = ["'from' must be before 'to'."];
        else if (until - since > TimeSpan.FromDays(MaxWindowDays)) errors["to"] = [$"Ask for at most {MaxWindowDays} days at a time."];
        return (since, until);
    }

    /// <summary>The matching entries, newest first, times in Shanghai: the search and its export.</summary>
    internal static async Task<List<AuditEntryDto>> EntriesAsync(IAuditLog audit, IGrainFactory grains, string? subject, string? actor, (DateTime Since, DateTime Until) window)
    {
        var counties = (await grains.GetGrain<IRegionGrain>(RegionCodes.City).GetChildrenAsync()).Select(c => c.Code).Append(RegionCodes.City).ToList();
        var filter = new AuditFilter(string.IsNullOrWhiteSpace(subject) ? null : subject.Trim(), string.IsNullOrWhiteSpace(actor) ? null : actor.Trim(), window.Since, window.Until);
        var shanghai = TimeSpan.FromHours(8);
        return [.. (await audit.QueryAsync(filter, counties)).Select(e => new AuditEntryDto(new DateTimeOffset(e.AtUtc, TimeSpan.Zero).ToOffset(shanghai),
            e.Actor, e.ActorRole, e.Action, e.SubjectType, e.SubjectId, e.RegionCode, e.Details))];
    }
}
