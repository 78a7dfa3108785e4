using Grid.Gateway.Apis.Common;
using System.Globalization;
using System.Security.Claims;
using Grid.Contracts;
using Grid.Gateway.Security;
using Grid.Gateway.Security.Access;
using Grid.Grains.People;
using Grid.Grains.Common;
using Grid.Grains.Evaluations;
using Grid.Grains.Regions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grid.Gateway.Apis.Evaluations;

/// <summary>Results generated from the same aggregates: staff statistics, the public summary and the delegation-list assessment.</summary>
public static class StatisticsApi
{
    public static void MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/statistics/{dimension}/{key}", GetStatistics).WithTags("Statistics").WithName("GetEvaluationStatistics")
            .WithSummary("Satisfaction, bad-review, callback and on-time rectification rates of a worker, item, village, township, county or the city over [from, to]; excludeFlagged=true leaves out ratings entered by the server (their count is reported either way).")
            .RequireAuthorization(p => p.RequireRole(EvaluationMapping.StaffRoles));
        app.MapGet("/api/statistics/{dimension}/{key}/export", StatisticsExports.ExportStatistics).WithTags("Statistics").WithName("ExportEvaluationStatistics")
            .RequireAuthorization(p => p.RequireRole(EvaluationMapping.StaffRoles)).Produces(200, contentType: Sheets.XlsxType, additionalContentTypes: [Sheets.CsvType])
            .WithSummary("The statistics of a worker, item or region over [from, to] as XLSX or CSV.");
        app.MapGet("/api/public/regions/{code}/satisfaction", GetPublicSatisfaction).WithTags("Public").WithName("GetRegionSatisfaction")
            .WithSummary("The public monthly satisfaction summary of a region (counts and rates only).").AllowAnonymous();
        app.MapGet("/api/quality-assessment", GetQualityAssessment).WithTags("Statistics").WithName("GetQualityAssessment")
            .WithSummary("质效评估 (Art. 34): volume, time to complete and satisfaction per delegated item in a region, with a keep / review / cancel suggestion; judged on unflagged ratings.")
            .RequireAuthorization(p => p.RequireRole(Roles.DataBureau, Roles.Department, Roles.Coordinator, Roles.Admin));
    }

    public static async Task<Ok<StatisticsDto>> GetStatistics(string dimension, string key, DateOnly? from, DateOnly? to,
        AccessService access, IGrainFactory grains, TimeProvider clock, bool excludeFlagged = false)
    {
        var (start, end) = StatsQueries.Period(from, to, clock);
        var (dim, scope) = dimension.ToLowerInvariant() switch
        {
            "worker" or "staff" => (StatsDimension.Staff, await StaffScopeAsync(key, access, grains)),
            "item" => (StatsDimension.Item, ScopeOf(access.Token)),
            "village" or "township" or "county" or "city" => (StatsDimension.Region, RegionKey(dimension, key, access)),
            _ => throw ValidationException.For("dimension", "Use worker, item, village, township, county or city."),
        };
        var tally = await StatsQueries.TallyAsync(grains, dim, key, start, end, dim == StatsDimension.Region ? null : scope, excludeFlagged);
        var r = EvaluationStatistics.Rates(tally);
        var levels = Enum.GetValues<Satisfaction>().ToDictionary(s => s, s => tally.LevelCounts[(int)s]);
        return TypedResults.Ok(new StatisticsDto(dimension.ToLowerInvariant(), key, start, end, scope ?? RegionCodes.City,
            tally.Services, tally.Evaluations, levels, tally.BadReviews, tally.CalledBack, tally.RectificationsDue, tally.RectifiedOnTime,
            tally.Voided, r.SatisfactionRate, r.BadReviewRate, r.CallbackRate, r.OnTimeRectificationRate, r.AverageHoursToComplete,
            excludeFlagged, tally.Flagged));
    }

    /// <summary>
    /// Anonymous, so bounded and cached (<see cref="PublicSatisfaction"/>): at most 12 whole months, none in the
    /// future or before Grid:PublicStatistics:FirstMonth; the same question is answered from memory for a few minutes.
    /// </summary>
    public static async Task<Ok<RegionSatisfactionDto>> GetPublicSatisfaction(string code, string? from, string? to,
        IGrainFactory grains, TimeProvider clock, PublicSatisfaction cache)
    {
        if (!RegionCodes.IsValid(code)) throw ValidationException.For("code", $"'{code}' is not a 12-digit region code.");
        var today = ShanghaiTime.DateOf(clock.GetUtcNow().UtcDateTime);
        var (first, last) = cache.Window(ParseMonth(from, "from"), ParseMonth(to, "to"), new DateOnly(today.Year, today.Month, 1));
        return TypedResults.Ok(await cache.GetOrComputeAsync(code, first, last, async () =>
        {
            var region = await grains.GetGrain<IRegionGrain>(code).GetAsync() ?? throw new NotFoundException($"No region has the code {code}.");
            var months = StatsKeys.Months(first, last);
            var tallies = await Task.WhenAll(months.Select(m =>
            {
                var start = DateOnly.ParseExact(m + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
                return StatsQueries.TallyAsync(grains, StatsDimension.Region, code, start, start.AddMonths(1).AddDays(-1), null);
            }));
            var rows = months.Zip(tallies, (m, t) => (m, t, r: EvaluationStatistics.Rates(t)))
                .Select(x => new MonthlySatisfactionDto(x.m, x.t.Evaluations, x.r.SatisfactionRate, x.r.BadReviewRate, x.r.OnTimeRectificationRate)).ToList();
            return new RegionSatisfactionDto(code, region.Info.Name, rows);
        }));
    }

    public static async Task<Ok<QualityAssessmentDto>> GetQualityAssessment(string? region, string? itemCode, DateOnly? from, DateOnly? to,
        AccessService access, IGrainFactory grains, TimeProvider clock)
    {
        var code = access.Scope(region);
        var (start, end) = StatsQueries.Period(from ?? ShanghaiTime.DateOf(clock.GetUtcNow().UtcDateTime).AddMonths(-11), to, clock);
        // Judged on what residents said independently of the server: flagged ratings are left out (and counted).
        var filter = StatsQueries.Filter(start, end, null, string.IsNullOrWhiteSpace(itemCode) ? null : itemCode.Trim(), excludeFlagged: true);
        var months = StatsKeys.Months(start, end);
        var perMonth = await Task.WhenAll(months.Select(m => StatsQueries.ByItemAsync(grains, m, code, filter)));
        var thresholds = new QualityThresholds();
        var items = perMonth.SelectMany(x => x).GroupBy(t => t.ItemCode).Select(g =>
        {
            var tally = g.Select(t => t.Tally).Aggregate(EvaluationTally.Empty, (a, b) => a.Add(b));
            var rates = EvaluationStatistics.Rates(tally);
            var suggestion = DelegationQualityRules.Assess(tally, months.Count, thresholds);
            return new ItemAssessmentDto(g.Key, g.Last().ItemName, tally.Services, Math.Round((double)tally.Services / months.Count, 2),
                rates.AverageHoursToComplete, tally.Evaluations, rates.SatisfactionRate, rates.BadReviewRate,
                suggestion.Verdict, suggestion.Reasons, tally.Flagged);
        }).OrderBy(i => i.ItemCode, StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new QualityAssessmentDto(code, start, end, items));
    }

    /// <summary>Counts are limited to the caller's region (the city sees all of them).</summary>
    private static string? ScopeOf(Caller caller) =>
        RegionCodes.LevelOf(caller.Region) == RegionLevel.City ? null : caller.Region;

    /// <summary>
    /// A worker's figures are read where the worker works now: a worker outside the caller's region is a 403,
    /// not a page of zeros. Staff without a worker profile (window staff named in records) are counted
    /// only inside the caller's region, so nothing outside it is shown.
    /// </summary>
    private static async Task<string?> StaffScopeAsync(string key, AccessService access, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200) throw ValidationException.For("key", "Give the worker's or staff member's id (up to 200 characters).");
        if (await grains.GetGrain<IWorkerGrain>(key).GetAsync() is { } worker)
            await access.RequireAsync(Act.Read, new Target(Kind.Region, worker.VillageCode), "That worker works outside your region.");
        return ScopeOf(access.Token);
    }

    private static string RegionKey(string dimension, string key, AccessService access)
    {
        if (!RegionCodes.IsValid(key) || !string.Equals(RegionCodes.LevelOf(key).ToString(), dimension, StringComparison.OrdinalIgnoreCase))
            throw ValidationException.For("key", $"'{key}' is not the 12-digit code of a {dimension.ToLowerInvariant()}.");
        return access.Scope(key, field: "key");
    }

    private static DateOnly? ParseMonth(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null
            : DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : throw ValidationException.For(field, $"'{text}' is not a month; use yyyy-MM.");
}

internal static class StatsQueries
{
    public static (DateOnly From, DateOnly To) Period(DateOnly? from, DateOnly? to, TimeProvider clock)
    {
        var today = ShanghaiTime.DateOf(clock.GetUtcNow().UtcDateTime);
        // Grid holds nothing before 2000 and nothing far ahead; dates out there are mistakes, not questions.
        foreach (var (field, date) in new[] { ("from", from), ("to", to) })
            if (date is { } d && (d.Year < 2000 || d > today.AddYears(1)))
                throw ValidationException.For(field, $"Ask about dates from 2000-01-01 to {today.AddYears(1):yyyy-MM-dd}.");
        var end = to ?? today;
        var start = from ?? new DateOnly(end.Year, end.Month, 1);
        if (start > end) throw ValidationException.For("from", "'from' must not be after 'to'.");
        if (start < end.AddYears(-5)) throw ValidationException.For("from", "Ask for at most five years at a time.");
        return (start, end);
    }

    public static StatsFilter Filter(DateOnly from, DateOnly to, string? scope, string? item, bool excludeFlagged = false) =>
        new(ShanghaiTime.StartOfDayUtc(from), ShanghaiTime.StartOfDayUtc(to.AddDays(1)), scope, item, excludeFlagged);

    public static async Task<EvaluationTally> TallyAsync(IGrainFactory grains, StatsDimension dim, string key, DateOnly from, DateOnly to, string? scope,
        bool excludeFlagged = false)
    {
        var filter = Filter(from, to, scope, null, excludeFlagged);
        var tallies = await Task.WhenAll(StatsKeys.Months(from, to).Select(m => MonthAsync(grains, m, dim, key, filter)));
        return tallies.Aggregate(EvaluationTally.Empty, (a, b) => a.Add(b));
    }

    /// <summary>
    /// One month of one key: counties and the city are summed from townships; an item inside a
    /// region is that region's counters of the item (item counters are kept city-wide only).
    /// </summary>
    private static Task<EvaluationTally> MonthAsync(IGrainFactory grains, string month, StatsDimension dim, string key, StatsFilter filter)
    {
        if (dim == StatsDimension.Item && filter.RegionScope is { } scope)
            return MonthAsync(grains, month, StatsDimension.Region, scope, filter with { RegionScope = null, ItemCode = key });
        if (dim == StatsDimension.Region && !StatsKeys.IsCountedRegion(key))
            return grains.GetGrain<IStatsRollupGrain>(StatsKeys.Key(month, dim, key)).TallyAsync(filter);
        return grains.GetGrain<IServiceStatsGrain>(StatsKeys.Key(month, dim, key)).TallyAsync(filter);
    }

    public static Task<IReadOnlyList<ItemTally>> ByItemAsync(IGrainFactory grains, string month, string region, StatsFilter filter) =>
        StatsKeys.IsCountedRegion(region)
            ? grains.GetGrain<IServiceStatsGrain>(StatsKeys.Key(month, StatsDimension.Region, region)).TallyByItemAsync(filter)
            : grains.GetGrain<IStatsRollupGrain>(StatsKeys.Key(month, StatsDimension.Region, region)).TallyByItemAsync(filter);
}
