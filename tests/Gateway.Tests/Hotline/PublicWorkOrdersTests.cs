using System.Globalization;
using System.Text;
using CsvHelper;
using Grid.Contracts;
using Grid.Testing;

namespace Grid.Gateway.Tests.Hotline;

/// <summary>The public page of closed orders (no personal data, counts equal a recount) and the CSV exports (parse back to the JSON).</summary>
[Collection(HotlineCollection.Name)]
public sealed class PublicWorkOrdersTests(HotlineFactory gateway)
{
    private const string Wenquan = "421202001000";

    [Fact]
    public async Task ThePublicListShowsClosedOrdersWithoutPersonalDataAndCountsAsARecount()
    {
        var agent = await gateway.SignedInClientAsync(DemoAccounts.DataBureau);
        var department = await ClosedOrdersAsync(agent);
        var month = HotlineClient.ThisMonth;

        var anonymous = gateway.CreateClient();
        var response = await anonymous.GetAsync($"/api/public/hotline/orders?month={month}&unitId={Uri.EscapeDataString(department)}&pageSize=100");
        var body = await response.Content.ReadAsStringAsync();
        var page = await response.ReadAsync<Page<PublicWorkOrderDto>>();
        var sanitation = await (await anonymous.GetAsync($"/api/public/hotline/orders?month={month}&unitId={Uri.EscapeDataString(department)}&category=sanitation"))
            .ReadAsync<Page<PublicWorkOrderDto>>();

        var all = await (await agent.GetAsync($"/api/hotline/months/{month}/orders?unitId={Uri.EscapeDataString(department)}&pageSize=100")).ReadAsync<Page<WorkOrderSummaryDto>>();
        Assert.Equal(4, all.Items.Count); // precondition: the recount sees every order of the unit
        var closed = all.Items.Where(o => o.Stage == WorkOrderStage.Closed).ToList();
        Assert.Equal(closed.Count, page.Total);
        Assert.Equal(closed.Select(o => o.Id).Order(), page.Items.Select(o => o.Id).Order());
        Assert.Equal(closed.Count(o => o.Category == "sanitation"), sanitation.Total);
        Assert.All(page.Items, o => Assert.Equal(("温泉街道", Wenquan), (o.RegionName, o.RegionCode)));
        foreach (var secret in new[] { "张三", "13800000000", "温泉路 1 号", "垃圾三天没人清运" }) Assert.DoesNotContain(secret, body);
    }

    [Fact]
    public async Task TheCsvExportsParseBackToTheJsonWithQuotedCommasQuotesAndChinese()
    {
        var agent = await gateway.SignedInClientAsync(DemoAccounts.DataBureau);
        var department = await ClosedOrdersAsync(agent);
        var month = HotlineClient.ThisMonth;

        var units = await (await agent.GetAsync($"/api/hotline/months/{month}/units")).ReadAsync<List<UnitStatisticsDto>>();
        Assert.Contains(units, u => u.UnitId == department); // precondition: a unit whose id needs quoting
        var unitRows = await CsvAsync(agent, $"/api/hotline/months/{month}/units.csv");
        Assert.Equal(units, unitRows.Select(r => new UnitStatisticsDto(Enum.Parse<HandlingUnitKind>(r["UnitKind"]), r["UnitId"], r["Month"],
            Int(r["Received"]), Int(r["SignedInTime"]), Int(r["Answered"]), Int(r["AnsweredInTime"]), Int(r["CalledBack"]), Int(r["Resolved"]),
            Int(r["Satisfied"]), Rate(r["ResponseRate"]), Rate(r["ResolutionRate"]), Rate(r["SatisfactionRate"]), Int(r["Rank"]))));

        var query = $"month={month}&unitId={Uri.EscapeDataString(department)}";
        var list = await (await gateway.CreateClient().GetAsync($"/api/public/hotline/orders?{query}&pageSize=100")).ReadAsync<Page<PublicWorkOrderDto>>();
        Assert.NotEmpty(list.Items);
        var listRows = await CsvAsync(gateway.CreateClient(), $"/api/public/hotline/orders.csv?{query}");
        Assert.Equal(list.Items.Select(o => (o.Id, o.UnitId, o.RegionName, o.Category, o.Rating?.ToString() ?? "", o.ReceivedAt)),
            listRows.Select(r => (r["Id"], (string?)r["UnitId"], (string?)r["RegionName"], r["Category"], r["Rating"],
                DateTimeOffset.Parse(r["ReceivedAt"], CultureInfo.InvariantCulture))));
    }

    /// <summary>Four orders of a fresh department whose id holds a comma, quotes and Chinese: two closed sanitation, one closed other, one only answered.</summary>
    private async Task<string> ClosedOrdersAsync(HttpClient agent)
    {
        var admin = await gateway.SignedInClientAsync(DemoAccounts.Admin);
        var department = $"测试,\"局\"-{Guid.NewGuid():N}"[..16];
        foreach (var (category, close) in new[] { ("sanitation", true), ("sanitation", true), ("social-security", true), ("sanitation", false) })
        {
            var order = await agent.IntakeAsync(Wenquan, WorkOrderGrade.Request, category);
            await agent.DispatchAsync(order.Id, HandlingUnitKind.Department, department);
            await admin.StepAsync(order.Id, "sign-for");
            await admin.StepAsync(order.Id, "answer", new AnswerWorkOrderRequest("已处理, 联系张三 13800000000 核实"));
            if (close) await agent.StepAsync(order.Id, "callback", new WorkOrderCallbackRequest(Satisfaction.Satisfied, true, null));
        }
        return department;
    }

    /// <summary>The rows of a CSV download, by header; the download must be UTF-8 with a byte-order mark.</summary>
    private static async Task<List<Dictionary<string, string>>> CsvAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        using var reader = CsvReader.FromText(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), CsvReaderOptions.Default);
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read()) rows.Add(reader.Headers.ToDictionary(h => h, h => reader.GetString(h) ?? ""));
        return rows;
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static double Rate(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
