using Grid.Contracts;
using Grid.Gateway.Apis.Common;
using Grid.Gateway.Security.Access;
using Grid.Grains.Common;
using Grid.Grains.People;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grid.Gateway.Apis.People;

/// <summary>
/// Residents in bulk: a dry run of an XLSX/CSV sheet, its apply as a job whose progress the client
/// polls, and the export of a region's residents (masked as the caller's role requires).
/// </summary>
public static class ResidentImportApi
{
    private static readonly string[] Importers = [Roles.CenterStaff, Roles.Coordinator, Roles.Admin];

    public static RouteGroupBuilder MapResidentImportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/residents").WithTags("Residents").RequireAuthorization(p => p.RequireRole(Importers));
        api.MapPost("/import/dry-run", DryRun).WithName("DryRunResidentImport").AcceptsSheet()
            .WithSummary("Check a resident sheet (XLSX or UTF-8 CSV body) without saving: every bad row with its row number, field and why.");
        api.MapPost("/import", Apply).WithName("ApplyResidentImport").AcceptsSheet()
            .WithSummary("Apply a resident sheet: creates the good rows (a resident already imported is skipped); poll the job for progress.");
        api.MapGet("/import/{jobId}", GetImport).WithName("GetResidentImport").WithSummary("The progress of a resident import you started.");
        api.MapGet("/export", Export).WithName("ExportResidents").Produces(200, contentType: Sheets.XlsxType, additionalContentTypes: [Sheets.CsvType])
            .WithSummary("The residents of a region as XLSX or CSV (UTF-8 with BOM), Chinese headers, masked as your role requires.");
        return api;
    }

    public static async Task<Ok<ImportReportDto>> DryRun(HttpRequest request, [AsParameters] PeopleServices s)
    {
        var caller = await s.Access.CallerAsync();
        var rows = await ReadAsync(request);
        var (good, problems) = await ResidentImport.CheckAsync(s, caller, rows);
        await s.Audit.WriteAsync(caller.Actor, "resident.import.dry-run", "region", caller.Region, caller.Region, $"{rows.Count} rows; {good.Count} good; {problems.Count} problems");
        return TypedResults.Ok(new ImportReportDto(rows.Count, good.Count, problems));
    }

    public static async Task<Accepted<ImportJobDto>> Apply(HttpRequest request, [AsParameters] PeopleServices s, ILoggerFactory loggers)
    {
        var caller = await s.Access.CallerAsync();
        var rows = await ReadAsync(request);
        var (good, problems) = await ResidentImport.CheckAsync(s, caller, rows);
        var jobId = Guid.NewGuid().ToString("N");
        var job = s.Grains.GetGrain<IImportJobGrain>(jobId);
        var failed = problems.Select(p => p.Row).Distinct().Count();
        await job.StartAsync(caller.UserName, rows.Count, failed);
        var logger = loggers.CreateLogger(typeof(ResidentImport));
        // The apply outlives the request; it is idempotent, so a gateway that stops mid-way is recovered by applying the file again.
        _ = Task.Run(async () =>
        {
            try { await ResidentImport.ApplyAsync(s, caller, good, job, logger); }
            catch (Exception ex) { logger.LogError(ex, "Resident import {JobId} stopped", jobId); }
            var done = await job.GetAsync();
            await s.Audit.WriteAsync(caller.Actor, "resident.import", "import", jobId, caller.Region,
                $"{rows.Count} rows; {done?.Created} created; {done?.Skipped} skipped; {done?.Failed} failed");
        });
        return TypedResults.Accepted($"/api/residents/import/{jobId}", new ImportJobDto(jobId, rows.Count, failed, 0, 0, failed, false));
    }

    public static async Task<Ok<ImportJobDto>> GetImport(string jobId, [AsParameters] PeopleServices s)
    {
        var caller = await s.Access.CallerAsync();
        if (jobId.Length > 64 || await s.Grains.GetGrain<IImportJobGrain>(jobId).GetAsync() is not { } p || (p.Owner != caller.UserName && caller.Role != Roles.Admin))
            throw new NotFoundException($"No import of yours has the id {jobId}.");
        return TypedResults.Ok(new ImportJobDto(jobId, p.Total, p.Done, p.Created, p.Skipped, p.Failed, p.Finished));
    }

    public static async Task<IResult> Export([AsParameters] PeopleServices s, string? region, string? format)
    {
        var kind = Sheets.Format(format);
        var scope = s.Access.Scope(region);
        var caller = await s.Access.CallerAsync();
        var villages = await Directories.VillagesUnderAsync(s.Grains, scope);
        var ids = (await Task.WhenAll(villages.Select(v => s.Directory(v).GetResidentsAsync()))).SelectMany(l => l).Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
        var rows = new List<IDictionary<string, object?>>(ids.Count);
        var clear = 0;
        foreach (var batch in ids.Chunk(500))
            foreach (var profile in await Task.WhenAll(batch.Select(id => s.Grains.GetGrain<IResidentGrain>(id).GetAsync())))
            {
                if (profile is null || !AccessRules.Allows(caller, Act.Read, profile.Target())) continue;
                var dto = profile.ToDto(caller);
                if (!dto.IdNumberMasked || !dto.PhoneMasked) clear++;
                rows.Add(ResidentSheet.ToRow(dto));
            }
        await s.Audit.WriteAsync(caller.Actor, "resident.export", "region", scope, scope, $"{rows.Count} residents as {kind}; {clear} with personal data in clear");
        return Sheets.Download(rows, kind, $"residents-{scope}");
    }

    private static async Task<List<ResidentSheet.Row>> ReadAsync(HttpRequest request)
    {
        var cells = await Sheets.ReadAsync(request);
        if (cells.Count == 0) throw ValidationException.For("file", "The sheet has a header row but no residents.");
        if (ResidentSheet.MissingHeaders(cells[0]) is { Count: > 0 } missing)
            throw ValidationException.For("file", $"The sheet lacks the columns {string.Join(", ", missing)}; the first row holds the headers.");
        return [.. cells.Select((c, i) => ResidentSheet.Parse(i + 2, c))];
    }
}
