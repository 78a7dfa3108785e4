using System.Net;
using System.Security.Cryptography;
using System.Text;
using Grid.Gateway.Hosting;
using Grid.Testing;

namespace Grid.Gateway.Tests;

/// <summary>nosniff, a Content-Security-Policy and the referrer and framing rules on every kind of answer.</summary>
[Collection(GatewayCollection.Name)]
public sealed class SecurityHeadersTests(GatewayFactory gateway)
{
    [Theory]
    [InlineData("/api/public/regions/421202000000/delegation-list")] // an API answer
    [InlineData("/api/no-such-thing")] // a problem answer
    [InlineData("/openapi/v1.json")]
    public async Task AnApiOrProblemAnswerCarriesTheStrictPolicy(string path)
    {
        var response = await gateway.CreateClient().GetAsync(path);

        AssertCommonHeaders(response);
        Assert.Equal(SecurityHeaders.ApiPolicy, Csp(response));
    }

    [Fact]
    public async Task AProblemFromAnExceptionKeepsTheHeaders()
    {
        var response = await gateway.CreateClient().PostAsync("/api/auth/token", new StringContent("{\"userName\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        AssertCommonHeaders(response);
    }

    [Fact]
    public async Task ThePortalsPolicyAllowsWebAssemblyAndExactlyItsOwnInlineScripts()
    {
        var response = await gateway.CreateClient().GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("_framework/blazor.webassembly", html); // the portal's index, not a stand-in
        AssertCommonHeaders(response);
        var csp = Csp(response);
        Assert.Contains("script-src 'self' 'wasm-unsafe-eval'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("'unsafe-eval'", csp.Replace("'wasm-unsafe-eval'", ""));
        var inline = SecurityHeaders.InlineScripts(html).ToList();
        Assert.NotEmpty(inline);
        foreach (var script in inline)
            Assert.Contains($"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)))}'", csp);
        Assert.Equal(inline.Count, csp.Split("'sha256-").Length - 1);
    }

    [Fact]
    public async Task TheApiReferencePageGetsItsOwnLooserPolicyButNoFraming()
    {
        var response = await gateway.CreateClient().GetAsync("/docs");

        AssertCommonHeaders(response);
        Assert.Equal(SecurityHeaders.DocsPolicy, Csp(response));
    }

    [Fact]
    public async Task WithoutAProxyThereIsNoHsts()
    {
        var response = await gateway.CreateClient().GetAsync("https://grid.example/api/no-such-thing");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    internal static void AssertCommonHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Single(response, "Referrer-Policy"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Contains("frame-ancestors 'none'", Csp(response));
    }

    internal static string Csp(HttpResponseMessage response) => Single(response, "Content-Security-Policy");

    private static string Single(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.TryGetValues(name, out var values) ? values : response.Content.Headers.TryGetValues(name, out var content) ? content : []);
}
