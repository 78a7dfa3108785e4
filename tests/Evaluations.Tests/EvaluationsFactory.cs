using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Grid.Evaluations.Tests;

/// <summary>
/// The gateway with two extra rectification rules: 隽水镇 (通城县) counts working days, and 通山县 gives
/// units only seconds, so the escalation test sees its durable deadline fire. Storage faults can be
/// armed (<see cref="StorageFaults"/>). An optional data directory lets a second instance start over
/// the first one's database, as a restarted process would.
/// </summary>
public class EvaluationsFactory : GatewayFactory
{
    /// <summary>A data directory that outlives this instance; null uses the fixture's own temporary one.</summary>
    protected virtual string? SharedDataDirectory => null;

    public const string WorkingDayTownship = "421222100000";
    public const string WorkingDayVillage = "421222100001";
    public const string FastCounty = "421224000000";
    public const string FastVillage = "421224100001";
    public const string CenterVillage = "421202001002";

    /// <summary>Storage is the real SQLite provider behind <see cref="FaultyGrainStorage"/>; no fault is armed unless a test arms one.</summary>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddFaultyGrainStorage());
    }

    protected override IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        var settings = base.Settings().ToList();
        if (SharedDataDirectory is { } dir) settings.Add(new("Grid:DataDirectory", dir));
        settings.Add(new($"Grid:Evaluations:RegionRules:{WorkingDayTownship}:Unit", "WorkingDays"));
        settings.Add(new($"Grid:Evaluations:RegionRules:{WorkingDayTownship}:Amount", "7"));
        settings.Add(new($"Grid:Evaluations:RegionRules:{FastCounty}:Unit", "Minutes"));
        settings.Add(new($"Grid:Evaluations:RegionRules:{FastCounty}:Amount", "0.3"));
        return settings;
    }
}

/// <summary>One process's lifetime over a data directory that the next instance reuses.</summary>
public sealed class RestartableFactory(string dataDirectory) : EvaluationsFactory
{
    protected override string? SharedDataDirectory => dataDirectory;
}

[CollectionDefinition(Name)]
public sealed class EvaluationsCollection : ICollectionFixture<EvaluationsFactory>
{
    public const string Name = "evaluations";
}

/// <summary>Small helpers over the HTTP API so tests read as the steps a person takes.</summary>
public static class EvaluationClient
{
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public static RegisterServiceRecordRequest Window(string id, string village, string item = "ITEM-1", string staff = "staff-1",
        DateTimeOffset? completedAt = null) =>
        new(id, ServiceRecordKind.WindowService, staff, "窗口工作人员", item, "居民养老保险参保登记", village, null, null,
            (completedAt ?? DateTimeOffset.UtcNow.AddMinutes(-1)).AddHours(-2), completedAt ?? DateTimeOffset.UtcNow.AddMinutes(-1), null);

    public static async Task<ServiceRecordDto> RegisterAsync(this HttpClient client, RegisterServiceRecordRequest request)
    {
        var response = await client.PostAsJsonAsync("/api/service-records", request, Json.Options);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ServiceRecordDto>(Json.Options))!;
    }

    public static Task<HttpResponseMessage> RateByPhoneAsync(this HttpClient client, string recordId, Satisfaction level, string? comment = null) =>
        client.PostAsJsonAsync("/api/evaluations", new CreateEvaluationRequest(recordId, level,
            new IndicatorRatingsDto(level, level, null, null), comment, RatingChannel.Phone), Json.Options);

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Json.Options))!;
    }

    public static Task<HttpResponseMessage> StepAsync(this HttpClient client, string id, RectificationActionKind action,
        string? note = null, IReadOnlyList<string>? evidence = null, Satisfaction? level = null) =>
        client.PostAsJsonAsync($"/api/rectifications/{id}/steps", new RectificationStepRequest(action, note, evidence, level), Json.Options);
}
