using System.Net;
using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Testing;
using MiniExcelLibs;

namespace Grid.Regions.Tests;

/// <summary>The exports are the same lists as their JSON routes, with the same access.</summary>
[Collection(RegionsCollection.Name)]
public sealed class ExportsTests(GatewayFactory gateway)
{
    [Fact]
    public async Task TheTaskExportListsTheTasksOfTheBoard()
    {
        var places = await Places.LoadAsync(gateway);
        var admin = await Clients.ForAsync(gateway, DemoAccounts.Admin);
        var item = (await admin.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/catalog/items?PageSize=1", Json.Options))!["items"]![0]!["code"]!.GetValue<string>();
        var asked = await Clients.SendAsync(gateway, DemoAccounts.Admin, HttpMethod.Post, "/api/requests",
            new { residentId = places.InWorkerGrid.Id, itemCode = item, urgency = "Due", windowEnd = DateTimeOffset.UtcNow.AddDays(2) });
        Assert.True(asked.IsSuccessStatusCode, await asked.Content.ReadAsStringAsync());
        var client = await Clients.ForAsync(gateway, DemoAccounts.Coordinator);
        var board = (await client.GetFromJsonAsync<Page<TaskListItemDto>>("/api/tasks?pageSize=100", Json.Options))!;
        Assert.NotEmpty(board.Items);
        var rows = ImportSheets.Read(await client.GetByteArrayAsync("/api/tasks/export?format=xlsx"), ExcelType.XLSX);
        Assert.Equal(board.Total, rows.Count);
        Assert.Equal(board.Items.Select(t => t.Id), rows.Take(board.Items.Count).Select(r => r["任务编号"]));
    }

    [Fact]
    public async Task TheStatisticsExportCarriesTheSameCounts()
    {
        var places = await Places.LoadAsync(gateway);
        var client = await Clients.ForAsync(gateway, DemoAccounts.Coordinator);
        var stats = (await client.GetFromJsonAsync<StatisticsDto>($"/api/statistics/village/{places.V1}", Json.Options))!;
        var bytes = await client.GetByteArrayAsync($"/api/statistics/village/{places.V1}/export?format=csv");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var row = Assert.Single(ImportSheets.Read(bytes, ExcelType.CSV));
        Assert.Equal(places.V1, row["对象"]);
        Assert.Equal(stats.Services.ToString(), row["服务次数"]);
        Assert.Equal(stats.Evaluations.ToString(), row["评价次数"]);
    }

    [Fact]
    public async Task OnlyAdministratorsExportTheAuditAndTheExportsAreInIt()
    {
        var export = await Clients.SendAsync(gateway, DemoAccounts.Admin, HttpMethod.Get, $"/api/residents/export?region={Places.Township}&format=csv");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var admin = await Clients.ForAsync(gateway, DemoAccounts.Admin);
        var rows = ImportSheets.Read(await admin.GetByteArrayAsync("/api/admin/audit/export?actor=admin&format=xlsx"), ExcelType.XLSX);
        Assert.NotEmpty(rows);
        Assert.Contains(rows, r => r["操作"] == "resident.export" && r["对象编号"] == Places.Township);
        Assert.Equal(HttpStatusCode.Forbidden, await Clients.StatusAsync(gateway, DemoAccounts.Coordinator, HttpMethod.Get, "/api/admin/audit/export"));
        Assert.Equal(HttpStatusCode.BadRequest, await Clients.StatusAsync(gateway, DemoAccounts.Admin, HttpMethod.Get, "/api/admin/audit/export?format=pdf"));
    }

    [Fact]
    public async Task ASheetThatIsNotOneIsRefusedWithAProblem()
    {
        var wrongType = await ImportSheets.PostAsync(gateway, DemoAccounts.Center, "/api/residents/import/dry-run", "{}"u8.ToArray(), "application/json");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        var notXlsx = await ImportSheets.PostAsync(gateway, DemoAccounts.Center, "/api/residents/import/dry-run", "hello"u8.ToArray(), ImportSheets.XlsxType);
        Assert.Equal(HttpStatusCode.BadRequest, notXlsx.StatusCode);
        var noColumns = await ImportSheets.PostAsync(gateway, DemoAccounts.Center, "/api/residents/import/dry-run", "a,b\n1,2\n"u8.ToArray(), "text/csv");
        Assert.Equal(HttpStatusCode.BadRequest, noColumns.StatusCode);
        Assert.Contains("姓名", await noColumns.Content.ReadAsStringAsync());
    }
}
