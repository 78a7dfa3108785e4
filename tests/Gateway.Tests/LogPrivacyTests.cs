using System.Net;
using System.Net.Http.Json;
using System.Text;
using Grid.Contracts;
using Grid.Grains.Seeding;
using Grid.Testing;

namespace Grid.Gateway.Tests;

/// <summary>Real flows (sign-in, a resident created and read, refused and broken requests) leave no ID number or phone in the log files.</summary>
[Collection(LoggedGatewayCollection.Name)]
public sealed class LogPrivacyTests(LoggedGatewayFactory gateway)
{
    [Fact]
    public async Task TheLogFilesHoldNoIdNumberOrPhone()
    {
        var idNumber = "42120219480708912" + IdNumbers.CheckDigit("42120219480708912");
        const string phone = "13987654321", proxyPhone = "13612348765";
        var anonymous = gateway.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/token", new TokenRequest(DemoAccounts.Center, "wrong"))).StatusCode);
        using var center = await gateway.SignedInClientAsync(DemoAccounts.Center);
        using var admin = await gateway.SignedInClientAsync(DemoAccounts.Admin);

        // Seeded residents, read in clear by the admin: their ID numbers and phones must not be logged either.
        var seeded = (await admin.GetFromJsonAsync<Page<ResidentSummaryDto>>($"/api/residents?region={GatewayFactory.SeededCounty}&pageSize=3", Json.Options))!.Items;
        var secrets = new List<string> { idNumber, phone, proxyPhone };
        foreach (var s in seeded)
        {
            var r = (await admin.GetFromJsonAsync<ResidentDto>($"/api/residents/{s.Id}", Json.Options))!;
            secrets.AddRange([r.IdNumber, r.Phone, .. r.Proxies.Select(p => p.Phone)]);
        }
        var home = seeded[0];
        var at = (await admin.GetFromJsonAsync<ResidentDto>($"/api/residents/{home.Id}", Json.Options))!;
        var request = new ResidentRequest("日志测试", idNumber, phone, ["Aged"], 1, at.HomeLat, at.HomeLng, "咸安区日志路2号",
            [new FamilyProxyDto("家属", "son", proxyPhone, false)], null);

        var created = await admin.PostAsJsonAsync("/api/residents", request, Json.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<ResidentDto>(Json.Options))!.Id;
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/residents/{id}")).StatusCode);
        await center.GetAsync($"/api/residents/{id}"); // read (or refused) as the village's center
        // Refused and broken requests that carry the values: a bad phone, a stale If-Match, broken JSON, a wrong type.
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/residents", request with { Phone = phone + "9" }, Json.Options)).StatusCode);
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/residents/{id}") { Content = JsonContent.Create(request, options: Json.Options) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"99\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await admin.SendAsync(stale)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/api/residents",
            new StringContent($"{{\"name\":\"x\",\"idNumber\":\"{idNumber}\",\"phone\":{phone}x}}", Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/api/residents",
            new StringContent($"{{\"name\":\"x\",\"idNumber\":{{\"v\":\"{idNumber}\"}},\"phone\":\"{phone}\"}}", Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"/api/residents?region={idNumber}")).StatusCode);

        // A request's line is written as its middleware unwinds, which can be just after the client has the answer.
        var log = ReadLogs();
        for (var attempt = 0; attempt < 100 && !(log.Contains("/api/residents") && log.Contains("/api/auth/token")); attempt++)
        {
            await Task.Delay(150);
            log = ReadLogs();
        }
        Assert.Contains("/api/residents", log); // the requests were logged: the checks below can fail
        Assert.Contains("/api/auth/token", log);
        foreach (var secret in secrets.Distinct())
            Assert.False(log.Contains(secret, StringComparison.Ordinal), $"the log holds {Masking.Phone(secret)}");
    }

    private string ReadLogs()
    {
        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(gateway.LogDirectory, "*.clef"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            text.Append(new StreamReader(stream).ReadToEnd());
        }
        Assert.True(text.Length > 0, "no log written under " + gateway.LogDirectory);
        return text.ToString();
    }
}

/// <summary>Behind a TLS proxy (Grid:Http:BehindProxy) the gateway sends HSTS on HTTPS answers.</summary>
[Collection(LoggedGatewayCollection.Name)]
public sealed class ProxyHeadersTests(LoggedGatewayFactory gateway)
{
    [Fact]
    public async Task AnHttpsAnswerCarriesHsts()
    {
        var response = await gateway.CreateClient().GetAsync("https://grid.example/api/no-such-thing");

        Assert.True(response.Headers.TryGetValues("Strict-Transport-Security", out var hsts));
        Assert.Contains("max-age=31536000", Assert.Single(hsts));
        SecurityHeadersTests.AssertCommonHeaders(response);
    }

    [Fact]
    public async Task AForwardedHttpsRequestFromTheLocalProxyCarriesHsts()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "http://grid.example/api/no-such-thing");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await gateway.CreateClient().SendAsync(request);

        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task APlainHttpAnswerCarriesNoHsts()
    {
        var response = await gateway.CreateClient().GetAsync("http://grid.example/api/no-such-thing");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}
