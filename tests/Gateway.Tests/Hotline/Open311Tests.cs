using System.Net;
using System.Xml.Linq;
using Grid.Testing;

namespace Grid.Gateway.Tests.Hotline;

/// <summary>Open311 GeoReport v2: every route in JSON and XML, and the specification's error array.</summary>
[Collection(HotlineCollection.Name)]
public sealed class Open311Tests(HotlineFactory gateway)
{
    [Theory]
    [InlineData("services")]
    [InlineData("services/road-damage")]
    [InlineData("requests")]
    [InlineData("requests?status=open&service_code=road-damage")]
    public async Task EveryReadingRouteAnswersInJsonAndXml(string route)
    {
        var (path, query) = route.Contains('?') ? (route[..route.IndexOf('?')], route[route.IndexOf('?')..]) : (route, "");
        var json = await gateway.CreateClient().GetAsync($"/open311/v2/{path}.json{query}");
        var xml = await gateway.CreateClient().GetAsync($"/open311/v2/{path}.xml{query}");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (json.StatusCode, xml.StatusCode));
        Assert.StartsWith("[", await json.Content.ReadAsStringAsync());
        Assert.Equal("text/xml", xml.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(XDocument.Parse(await xml.Content.ReadAsStringAsync()).Root);
    }

    [Fact]
    public async Task AFiledRequestIsFoundByIdTokenAndList()
    {
        var filed = await FileAsync(new() { ["api_key"] = HotlineFactory.ApiKey, ["service_code"] = "noise", ["address_string"] = "温泉路 8 号", ["phone"] = "13800000000" }, "xml");
        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        var id = XDocument.Parse(await filed.Content.ReadAsStringAsync()).Descendants("service_request_id").Single().Value;

        foreach (var format in new[] { "json", "xml" })
        {
            foreach (var route in new[] { $"requests/{id}", $"tokens/{id}", $"requests?service_request_id={id}" })
            {
                var response = await gateway.CreateClient().GetAsync($"/open311/v2/{route.Replace("?", $".{format}?", StringComparison.Ordinal)}{(route.Contains('?') ? "" : "." + format)}");
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route}.{format}: {body}");
                Assert.Contains(id, body);
                Assert.DoesNotContain("13800000000", body);
            }
        }
    }

    [Theory]
    [InlineData("json", "", "road-damage", HttpStatusCode.Forbidden)]
    [InlineData("xml", "wrong-key", "road-damage", HttpStatusCode.Forbidden)]
    [InlineData("json", HotlineFactory.ApiKey, "", HttpStatusCode.BadRequest)]
    [InlineData("xml", HotlineFactory.ApiKey, "no-such-service", HttpStatusCode.BadRequest)]
    public async Task ABadKeyOrServiceCodeAnswersTheSpecificationsErrorArray(string format, string key, string code, HttpStatusCode expected)
    {
        var response = await FileAsync(new() { ["api_key"] = key, ["service_code"] = code, ["lat"] = "29.84", ["long"] = "114.32" }, format);

        Assert.Equal(expected, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        if (format == "json") Assert.Matches($"^\\[{{\"code\":{(int)expected},\"description\":\"[^\"]+\"}}\\]$", body);
        else Assert.Equal(((int)expected).ToString(), XDocument.Parse(body).Root!.Element("error")!.Element("code")!.Value);
    }

    [Fact]
    public async Task UnknownRequestsAndServicesAre404InTheErrorArray()
    {
        var request = await gateway.CreateClient().GetAsync("/open311/v2/requests/WO20260101-none.json");
        var service = await gateway.CreateClient().GetAsync("/open311/v2/services/none.xml");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (request.StatusCode, service.StatusCode));
        Assert.Contains("\"code\":404", await request.Content.ReadAsStringAsync());
        Assert.Contains("<code>404</code>", await service.Content.ReadAsStringAsync());
    }

    private Task<HttpResponseMessage> FileAsync(Dictionary<string, string> form, string format) =>
        gateway.CreateClient().PostAsync($"/open311/v2/requests.{format}", new FormUrlEncodedContent(form));
}
