using System.Net;
using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Testing;

namespace Grid.Gateway.Tests.Hotline;

/// <summary>吹哨派单 (Art. 31): report-ins on time and late, the overdue boards, working-day deadlines, and who may report for whom.</summary>
[Collection(HotlineCollection.Name)]
public sealed class WhistleOrderTests(HotlineFactory gateway)
{
    private const string Wenquan = "421202001000";
    private const string DemoDepartment = "民政局";

    [Fact]
    public async Task OneLateAndOneMissingDepartmentLeaveExactlyTheMissingOneOnTheOverdueBoards()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        // The drill township (a working day lasts 3 seconds there), its own coordinator, and two departments with accounts of their own.
        var issuer = await AccountAsync($"wh-issuer-{tag}", Roles.Coordinator, HotlineFactory.DrillTownship, null);
        var late = $"住建局-{tag}";
        var missing = $"城管局-{tag}";
        var lateDepartment = await AccountAsync($"wh-late-{tag}", Roles.Department, RegionCodes.City, late);
        var onTimeDepartment = await gateway.SignedInClientAsync(DemoAccounts.Department);

        var order = await IssueAsync(issuer, HotlineFactory.DrillTownship, [DemoDepartment, late, missing], 2); // due in 6 seconds
        var onTime = await ReportAsync(onTimeDepartment, order.Order.Id, DemoDepartment);
        Assert.True(DateTimeOffset.UtcNow < order.Order.ReportDue, "precondition: the first report-in came before the due instant");
        while (DateTimeOffset.UtcNow <= order.Order.ReportDue.AddMilliseconds(200)) await Task.Delay(250);
        var after = await ReportAsync(lateDepartment, order.Order.Id, late);

        Assert.Equal([(DemoDepartment, true), (late, false)], after.Order.Reports.Select(r => (r.Department, r.OnTime)));
        Assert.True(onTime.Order.Reports.Single().OnTime);
        var board = await (await issuer.GetAsync($"/api/hotline/whistles/townships/{HotlineFactory.DrillTownship}?pageSize=100")).ReadAsync<Page<WhistleSummaryDto>>();
        var row = Assert.Single(board.Items, o => o.Id == order.Order.Id);
        Assert.Equal([missing], row.Overdue);
        var supervisor = await gateway.SignedInClientAsync(DemoAccounts.DataBureau);
        var cityBoard = await (await supervisor.GetAsync("/api/hotline/whistles/overdue?pageSize=100")).ReadAsync<Page<WhistleSummaryDto>>();
        Assert.Equal([missing], Assert.Single(cityBoard.Items, o => o.Id == order.Order.Id).Overdue);

        // The durable deadline fired: the order's history names the missing department.
        WhistleOrderDto? marked = null;
        for (var until = DateTime.UtcNow.AddSeconds(90); marked is null && DateTime.UtcNow < until; await Task.Delay(500))
        {
            var read = await (await issuer.GetAsync($"/api/hotline/whistles/{order.Order.Id}")).ReadAsync<WhistleOrderDto>();
            if (read.History.Any(e => e.Action == "overdue")) marked = read;
        }
        Assert.NotNull(marked);
        Assert.Contains(missing, marked.History.Single(e => e.Action == "overdue").Detail);

        // Closing waits for everyone; the issuer closes once the last has reported.
        Assert.Equal(HttpStatusCode.Conflict, (await issuer.PostAsJsonAsync($"/api/hotline/whistles/{order.Order.Id}/close", new CloseWhistleOrderRequest(null), Json.Options)).StatusCode);
        await ReportAsync(await gateway.SignedInClientAsync(DemoAccounts.Admin), order.Order.Id, missing);
        var closed = await (await issuer.PostAsJsonAsync($"/api/hotline/whistles/{order.Order.Id}/close", new CloseWhistleOrderRequest("均已报到"), Json.Options)).ReadAsync<WhistleOrderDto>();
        Assert.True(closed.Order.Closed);
        Assert.Empty(closed.Order.Overdue);
        // The deadline may fire just before or after the late report-in; either way each step is on the history once.
        Assert.Equal(["closed", "issued", "overdue", "reported-in", "reported-in", "reported-in"], closed.History.Select(e => e.Action).Order(StringComparer.Ordinal));
        Assert.Equal(("issued", "closed"), (closed.History[0].Action, closed.History[^1].Action));
    }

    [Fact]
    public async Task TheReportDeadlineIsCountedInWorkingDaysOnTheCalendar()
    {
        var township = await gateway.SignedInClientAsync(DemoAccounts.TownshipCoordinator);
        var order = await IssueAsync(township, Wenquan, [DemoDepartment, "住建局"], 2);

        var last = HotlineClient.LastDay(order.Order.ReportDue);
        Assert.True(last > gateway.TestHolidays.Max(), "precondition: the deadline crosses the test holidays");
        Assert.Equal(gateway.Calendar.AddWorkingDays(HotlineFactory.Today, 2), last);
        Assert.True(gateway.Calendar.IsWorkingDay(last));
        Assert.Equal([DemoDepartment, "住建局"], order.Order.NotReported);
        Assert.Empty(order.Order.Overdue);
    }

    [Fact]
    public async Task ADepartmentReportsOnlyForItselfAndSeesOnlyOrdersSummoningIt()
    {
        var township = await gateway.SignedInClientAsync(DemoAccounts.TownshipCoordinator);
        var department = await gateway.SignedInClientAsync(DemoAccounts.Department);
        var other = await IssueAsync(township, Wenquan, ["住建局", "城管局"], 1);
        var mine = await IssueAsync(township, Wenquan, [DemoDepartment, "住建局"], 1);

        var forAnother = await department.PostAsJsonAsync($"/api/hotline/whistles/{mine.Order.Id}/report-in", new WhistleReportInRequest("住建局", "代报"), Json.Options);
        Assert.Equal(HttpStatusCode.Forbidden, forAnother.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await department.GetAsync($"/api/hotline/whistles/{other.Order.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await department.GetAsync("/api/hotline/whistles/departments/住建局")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await gateway.SignedInClientAsync(DemoAccounts.OtherCoordinator)).PostAsJsonAsync("/api/hotline/whistles",
            new IssueWhistleOrderRequest(Wenquan, "越权吹哨", "温泉", [DemoDepartment], 1), Json.Options)).StatusCode);
        var unsummoned = await (await gateway.SignedInClientAsync(DemoAccounts.Admin)).PostAsJsonAsync($"/api/hotline/whistles/{mine.Order.Id}/report-in",
            new WhistleReportInRequest("水务局", "未被召集"), Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, unsummoned.StatusCode);

        var read = await (await township.GetAsync($"/api/hotline/whistles/{mine.Order.Id}")).ReadAsync<WhistleOrderDto>();
        Assert.Empty(read.Order.Reports); // nothing was stored by the refused report-ins
        var own = await (await department.GetAsync($"/api/hotline/whistles/departments/{Uri.EscapeDataString(DemoDepartment)}?pageSize=100")).ReadAsync<Page<WhistleSummaryDto>>();
        Assert.Contains(own.Items, o => o.Id == mine.Order.Id);
        Assert.DoesNotContain(own.Items, o => o.Id == other.Order.Id);
        var reported = await ReportAsync(department, mine.Order.Id, DemoDepartment);
        Assert.Equal(DemoDepartment, Assert.Single(reported.Order.Reports).Department);
        // Who did what, in the audit log; the refused report-ins left nothing there.
        var audit = await (await (await gateway.SignedInClientAsync(DemoAccounts.Admin)).GetAsync($"/api/admin/audit?subject={mine.Order.Id}&pageSize=200")).ReadAsync<Page<AuditEntryDto>>();
        Assert.Equal([("whistle.issue", "township"), ("whistle.report-in", "department")], audit.Items.Select(e => (e.Action, e.Actor)).OrderBy(a => a.Action, StringComparer.Ordinal));
    }

    private async Task<HttpClient> AccountAsync(string user, string role, string region, string? subject)
    {
        var admin = await gateway.SignedInClientAsync(DemoAccounts.Admin);
        const string password = "whistle-test-password";
        (await admin.PutAsJsonAsync($"/api/admin/accounts/{user}", new CreateAccountRequest(user, user, password, role, region, subject), Json.Options)).EnsureSuccessStatusCode();
        return await gateway.SignedInClientAsync(user, password);
    }

    private static async Task<WhistleOrderDto> IssueAsync(HttpClient issuer, string township, string[] departments, int days) =>
        await (await issuer.PostAsJsonAsync("/api/hotline/whistles", new IssueWhistleOrderRequest(township, "老旧小区加装电梯协调", "街道办事处会议室", departments, days), Json.Options))
            .ReadAsync<WhistleOrderDto>(HttpStatusCode.Created);

    private static async Task<WhistleOrderDto> ReportAsync(HttpClient client, string id, string department) =>
        await (await client.PostAsJsonAsync($"/api/hotline/whistles/{id}/report-in", new WhistleReportInRequest(department, "已派员到场"), Json.Options)).ReadAsync<WhistleOrderDto>();
}
