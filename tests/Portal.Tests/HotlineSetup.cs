using System.Net.Http.Json;
using System.Text.Json;
using Grid.Contracts;
using Grid.Testing;
using Microsoft.Playwright;

namespace Grid.Portal.Tests;

/// <summary>Test data for the hotline pages through the API: a township whose map shape a click lands inside, and orders in given stages.</summary>
public static class HotlineSetup
{
    public const string Tongcheng = "421222000000";
    /// <summary>通山县, whose clocks the fixture runs as a drill, and one of its townships.</summary>
    public const string DrillCounty = "421224000000";
    public const string DrillTownship = "421224100000";

    /// <summary>
    /// A township of the county whose bounding-box centre lies inside it (as the locate index says), so a click
    /// on the middle of its drawn shape picks a point in that township.
    /// </summary>
    public static async Task<(string Code, string Name)> ClickableTownshipAsync(HttpClient client, string county)
    {
        var townships = (await client.GetFromJsonAsync<List<RegionDto>>($"/api/regions/{county}/children", Json.Options))!;
        Assert.NotEmpty(townships);
        foreach (var t in townships)
        {
            var detail = (await client.GetFromJsonAsync<RegionDetailDto>($"/api/regions/{t.Code}", Json.Options))!;
            if (detail.Geometry is not JsonElement geometry) continue;
            var (lat, lng) = Centre(geometry.GetProperty("coordinates"));
            var at = await client.GetAsync(FormattableString.Invariant($"/api/regions/locate?lat={lat}&lng={lng}"));
            if (at.IsSuccessStatusCode && (await at.Content.ReadFromJsonAsync<LocationDto>(Json.Options))!.Township.Code == t.Code) return (t.Code, t.Name);
        }
        throw new InvalidOperationException($"No township of {county} holds the centre of its own bounding box.");
    }

    /// <summary>The middle of a region's bounding box, where <see cref="ClickableTownshipAsync"/> found its township.</summary>
    public static async Task<(double Lat, double Lng)> CentreAsync(HttpClient client, string code)
    {
        var detail = (await client.GetFromJsonAsync<RegionDetailDto>($"/api/regions/{code}", Json.Options))!;
        return Centre(((JsonElement)detail.Geometry!).GetProperty("coordinates"));
    }

    /// <summary>On the intake screen: the county chosen, a click in the middle of the township's drawn shape, and the marker set there.</summary>
    public static async Task PickOnMapAsync(IPage agent, string countyName, string township)
    {
        await agent.GetByLabel("区县").SelectOptionAsync(new SelectOptionValue { Label = countyName });
        var shape = agent.Locator($"svg.map path[data-grid='{township}']");
        await Assertions.Expect(shape).ToHaveCountAsync(1, new() { Timeout = 90_000 });
        await shape.ClickAsync();
        await Assertions.Expect(agent.Locator("svg.map circle.marker")).ToHaveCountAsync(1);
    }

    /// <summary>An order about an address in a township, dispatched to another township and handed back by its unit.</summary>
    public static async Task<string> HandedBackAsync(HttpClient agent, HttpClient unit, string township, string wrongTownship)
    {
        var id = await DispatchedAsync(agent, township, wrongTownship);
        await StepAsync(unit, id, "hand-back", new WorkOrderReasonRequest("不在本乡镇辖区"));
        return id;
    }

    /// <summary>An order its township's unit has signed for and answered: waiting for the center's callback.</summary>
    public static async Task<string> AnsweredAsync(HttpClient agent, HttpClient unit, string township)
    {
        var id = await DispatchedAsync(agent, township, township);
        await StepAsync(unit, id, "sign-for", new { });
        await StepAsync(unit, id, "answer", new AnswerWorkOrderRequest("已派人更换灯泡"));
        return id;
    }

    /// <summary>An order answered by its township's unit and called back by the center: closed, so it is published.</summary>
    public static async Task<string> ClosedAsync(HttpClient agent, HttpClient unit, string township)
    {
        var id = await AnsweredAsync(agent, unit, township);
        await StepAsync(agent, id, "callback", new WorkOrderCallbackRequest(Satisfaction.Satisfied, true, null));
        return id;
    }

    /// <summary>An order about an address in a township, dispatched to the given township.</summary>
    public static async Task<string> DispatchedAsync(HttpClient agent, string township, string unit)
    {
        var created = await agent.PostAsJsonAsync("/api/hotline/orders", new WorkOrderIntakeRequest(WorkOrderChannel.Agent, "streetlight",
            WorkOrderGrade.Request, Urgency.Routine, null, "路灯坏了一个星期", null, null, "人民路 8 号", township, "王五", "13700000000"), Json.Options);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<WorkOrderDto>(Json.Options))!.Id;
        await StepAsync(agent, id, "dispatch", new DispatchWorkOrderRequest(HandlingUnitKind.Region, unit, null));
        return id;
    }

    /// <summary>Waits until a list the page reads holds the order: lists hear of a step through the order's outbox, a moment later.</summary>
    public static async Task ListedAsync(HttpClient client, string path, string id, Func<WorkOrderSummaryDto, bool>? where = null, int seconds = 30)
    {
        for (var until = DateTime.UtcNow.AddSeconds(seconds); DateTime.UtcNow < until; await Task.Delay(500))
        {
            var page = (await client.GetFromJsonAsync<Page<WorkOrderSummaryDto>>(path, Json.Options))!;
            if (page.Items.Any(o => o.Id == id && (where?.Invoke(o) ?? true))) return;
        }
        throw new TimeoutException($"{id} did not show in {path}.");
    }

    public static async Task<WorkOrderDto> GetAsync(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<WorkOrderDto>($"/api/hotline/orders/{id}", Json.Options))!;

    private static async Task StepAsync(HttpClient client, string id, string step, object body)
    {
        var done = await client.PostAsJsonAsync($"/api/hotline/orders/{id}/{step}", body, Json.Options);
        Assert.True(done.IsSuccessStatusCode, await done.Content.ReadAsStringAsync());
    }

    /// <summary>The middle of a Polygon's or MultiPolygon's bounding box, as (lat, lng).</summary>
    private static (double Lat, double Lng) Centre(JsonElement coordinates)
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        void Walk(JsonElement e)
        {
            if (e[0].ValueKind == JsonValueKind.Number)
            {
                var (x, y) = (e[0].GetDouble(), e[1].GetDouble());
                (minX, minY, maxX, maxY) = (Math.Min(minX, x), Math.Min(minY, y), Math.Max(maxX, x), Math.Max(maxY, y));
                return;
            }
            foreach (var child in e.EnumerateArray()) Walk(child);
        }
        Walk(coordinates);
        return ((minY + maxY) / 2, (minX + maxX) / 2);
    }
}
