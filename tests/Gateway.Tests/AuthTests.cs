using System.Net;
using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Testing;

namespace Grid.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class AuthTests(GatewayFactory gateway)
{
    [Fact]
    public async Task ADemoAccountSignsInAndSeesItsRoleAndRegion()
    {
        var client = await gateway.SignedInClientAsync(DemoAccounts.Coordinator);

        var me = await client.GetFromJsonAsync<AccountDto>("/api/auth/me", Json.Options);

        Assert.Equal(Roles.Coordinator, me!.Role);
        Assert.Equal("421202000000", me.RegionCode);
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedWithUnauthorizedProblem()
    {
        var response = await gateway.CreateClient().PostAsJsonAsync("/api/auth/token", new TokenRequest("admin", "not-the-password"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task MissingCredentialsNameEachField()
    {
        var response = await gateway.CreateClient().PostAsJsonAsync("/api/auth/token", new TokenRequest("", ""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("userName", body);
        Assert.Contains("password", body);
    }

    [Fact]
    public async Task ProtectedEndpointsAnswerUnauthorizedWithoutATokenAndForbiddenForOtherRoles()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.CreateClient().GetAsync("/api/admin/accounts/admin")).StatusCode);
        var coordinator = await gateway.SignedInClientAsync(DemoAccounts.Coordinator);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/api/admin/accounts/admin")).StatusCode);
    }

    [Fact]
    public async Task AnAccountWithAnInvalidRoleOrRegionIsRefusedFieldByField()
    {
        var admin = await gateway.SignedInClientAsync(DemoAccounts.Admin);

        var response = await admin.PutAsJsonAsync("/api/admin/accounts/someone",
            new CreateAccountRequest("someone", "", "short", "Mayor", "12", null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        foreach (var field in new[] { "displayName", "password", "role", "regionCode" }) Assert.Contains(field, body);
    }
}
