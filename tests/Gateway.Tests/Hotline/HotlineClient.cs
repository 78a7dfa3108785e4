using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grid.Contracts;
using Grid.Testing;

namespace Grid.Gateway.Tests.Hotline;

/// <summary>The steps people take, over HTTP, so tests read as the hotline's day.</summary>
public static class HotlineClient
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json.Options)!;
    }

    public static async Task<WorkOrderDto> StepAsync(this HttpClient client, string id, string step, object? body = null) =>
        await (await client.PostAsJsonAsync($"/api/hotline/orders/{id}/{step}", body ?? new { }, Json.Options)).ReadAsync<WorkOrderDto>();

    public static async Task<WorkOrderDto> GetOrderAsync(this HttpClient client, string id) =>
        await (await client.GetAsync($"/api/hotline/orders/{id}")).ReadAsync<WorkOrderDto>();

    /// <summary>An agent's order about an address in a region (no point), not yet dispatched.</summary>
    public static async Task<WorkOrderDto> IntakeAsync(this HttpClient agent, string regionCode, WorkOrderGrade grade = WorkOrderGrade.Request, string category = "sanitation") =>
        await (await agent.PostAsJsonAsync("/api/hotline/orders", new WorkOrderIntakeRequest(WorkOrderChannel.Agent, category, grade, Urgency.Routine, null,
            "垃圾三天没人清运", null, null, "温泉路 1 号", regionCode, "张三", "13800000000"), Json.Options)).ReadAsync<WorkOrderDto>(HttpStatusCode.Created);

    public static Task<WorkOrderDto> DispatchAsync(this HttpClient agent, string id, HandlingUnitKind kind, string unit) =>
        agent.StepAsync(id, "dispatch", new DispatchWorkOrderRequest(kind, unit, null));

    public static async Task<Page<WorkOrderSummaryDto>> InboxAsync(this HttpClient client, HandlingUnitKind kind, string unit) =>
        await (await client.GetAsync($"/api/hotline/units/{kind}/{Uri.EscapeDataString(unit)}/inbox?pageSize=100")).ReadAsync<Page<WorkOrderSummaryDto>>();

    public static string ThisMonth => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The last day a due instant leaves (due instants are 24:00 Asia/Shanghai of that day).</summary>
    public static DateOnly LastDay(DateTimeOffset due) => DateOnly.FromDateTime(due.ToOffset(TimeSpan.FromHours(8)).AddTicks(-1).DateTime);
}
