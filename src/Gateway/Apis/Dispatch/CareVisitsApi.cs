using System.Globalization;
using System.Security.Claims;
using Grid.Contracts;
using Grid.Gateway.Security.Access;
using Grid.Grains.Common;
using Grid.Grains.Dispatch;
using Grid.Grains.Regions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grid.Gateway.Apis.Dispatch;

/// <summary>
/// Care visits come from each township's durable schedule (every morning, catching up missed days).
/// These endpoints only queue a day on the schedules (202, generation follows) or preview it; neither
/// waits for generation, so a city-wide trigger answers at once. Queueing a day twice creates nothing new.
/// </summary>
public static class CareVisitsApi
{
    public static RouteGroupBuilder MapCareVisitsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/care-visits").WithTags("Care visits")
            .RequireAuthorization(p => p.RequireRole(Roles.CenterStaff, Roles.Coordinator, Roles.Admin));
        api.MapPost("/generate", GenerateCareVisits).WithName("GenerateCareVisits")
            .WithSummary("Queue the care visits due in a region (default: the caller's) for a day (default: today, Shanghai; at most 7 days away); 202, they join the task flow shortly.");
        api.MapGet("/generate", PreviewCareVisits).WithName("PreviewCareVisits")
            .WithSummary("The care visits that generating a day would create now in a region; creates nothing.");
        return api;
    }

    public static async Task<Accepted<CareVisitQueuedDto>> GenerateCareVisits(
        AccessService access, IGrainFactory grains, TimeProvider clock, string? region = null, string? date = null)
    {
        var (scope, day) = Parse(access, clock, region, date, Act.Change);
        var targets = await TownshipsOfAsync(grains, scope);
        var results = await Task.WhenAll(targets.Select(t => grains.GetGrain<ICareScheduleGrain>(t.Township).QueueAsync(day, t.Villages)));
        var dto = new CareVisitQueuedDto(scope, day, targets.Count,
            [.. results.SelectMany(r => r.Queued).Order(StringComparer.Ordinal)], [.. results.SelectMany(r => r.AlreadyDone).Order(StringComparer.Ordinal)]);
        return TypedResults.Accepted($"/api/care-visits/generate?region={scope}&date={day:yyyy-MM-dd}", dto);
    }

    public static async Task<Ok<CareVisitPreviewDto>> PreviewCareVisits(
        AccessService access, IGrainFactory grains, TimeProvider clock, string? region = null, string? date = null)
    {
        var (scope, day) = Parse(access, clock, region, date, Act.Read);
        var targets = await TownshipsOfAsync(grains, scope);
        var previews = await Task.WhenAll(targets.Select(t => grains.GetGrain<ICareScheduleGrain>(t.Township).PreviewAsync(day, t.Villages)));
        return TypedResults.Ok(new CareVisitPreviewDto(scope, day,
            [.. previews.SelectMany(p => p).Select(p => new CareVisitPreviewItemDto(p.VillageCode, p.ResidentId, p.TaskId)).OrderBy(p => p.TaskId, StringComparer.Ordinal)]));
    }

    private static (string Scope, DateOnly Day) Parse(AccessService access, TimeProvider clock, string? region, string? date, Act act)
    {
        var scope = access.Scope(region, act);
        var today = CareScheduleRules.Today(clock.GetUtcNow().UtcDateTime);
        if (date is null) return (scope, today);
        if (!DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            throw ValidationException.For("date", $"'{date}' is not a date; use yyyy-MM-dd.");
        if (!CareScheduleRules.Allowed(day, today))
            throw ValidationException.For("date", $"Care visits can be queued for {today.AddDays(-CareScheduleRules.CatchUpDays):yyyy-MM-dd} to {today.AddDays(CareScheduleRules.CatchUpDays):yyyy-MM-dd} (within {CareScheduleRules.CatchUpDays} days of today).");
        return (scope, day);
    }

    /// <summary>The schedules a region touches: every township below it, or one township restricted to one village.</summary>
    private static async Task<IReadOnlyList<(string Township, IReadOnlyList<string>? Villages)>> TownshipsOfAsync(IGrainFactory grains, string scope)
    {
        switch (RegionCodes.LevelOf(scope))
        {
            case RegionLevel.Village: return [(RegionCodes.TownshipOf(scope), [scope])];
            case RegionLevel.Township: return [(scope, null)];
        }
        var children = await grains.GetGrain<IRegionGrain>(scope).GetChildrenAsync();
        if (RegionCodes.LevelOf(scope) == RegionLevel.County) return [.. children.Select(c => (c.Code, (IReadOnlyList<string>?)null))];
        var nested = await Task.WhenAll(children.Select(c => TownshipsOfAsync(grains, c.Code)));
        return [.. nested.SelectMany(n => n)];
    }
}
