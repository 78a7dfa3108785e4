using System.Security.Cryptography;
using System.Text;
using Grid.Contracts;
using Grid.Grains.Common;
using Grid.Grains.Evaluations;
using Grid.Grains.Hotline;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Grid.Gateway.Apis.Hotline;

/// <summary>
/// Open311 API keys issued by an administrator, each for one jurisdiction (the city, a county, a
/// township or a village): a key files requests only for points inside it. The key is shown once at
/// issue; only its SHA-256 is stored. Keys from configuration (Grid:Open311:ApiKeys) stay valid for the whole city.
/// </summary>
public static class Open311KeysApi
{
    private const string Registry = "city";

    public static void MapOpen311KeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/open311/keys").WithTags("Admin").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        api.MapPost("/", Issue).WithName("IssueOpen311Key").WithSummary("Issue an Open311 API key for a jurisdiction (a region code); the answer carries the key, shown this once.");
        api.MapGet("/", List).WithName("ListOpen311Keys").WithSummary("The issued keys, revoked ones included; never the key itself.");
        api.MapPost("/{keyId}/revoke", Revoke).WithName("RevokeOpen311Key").WithSummary("Revoke a key: it files nothing from now on.");
    }

    public static async Task<Created<IssuedOpen311KeyDto>> Issue(IssueOpen311KeyRequest? request, [AsParameters] HotlineServices s)
    {
        var name = WorkOrderRules.Reason(request?.Name, "Name the key after the app or agency that will use it.", "name", 100);
        var jurisdiction = request?.Jurisdiction?.Trim() ?? "";
        if (!RegionCodes.IsValid(jurisdiction) || !RegionCodes.Contains(RegionCodes.City, jurisdiction))
            throw ValidationException.For("jurisdiction", $"'{jurisdiction}' is not a region of the city; give the 12-digit code of the city, a county, township or village.");
        var secret = "o311_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var actor = await s.ActorAsync();
        var key = await s.Grains.GetGrain<IOpen311KeyRegistryGrain>(Registry).IssueAsync(new Open311Key(Guid.NewGuid().ToString("N")[..12], name, jurisdiction,
            Hash(secret), s.Clock.GetUtcNow().UtcDateTime, actor.UserName));
        var caller = await s.Access.CallerAsync();
        await s.Audit.WriteAsync(caller.Actor, "open311.key.issue", "open311key", key.Id, jurisdiction, $"name={name}");
        return TypedResults.Created($"/api/admin/open311/keys/{key.Id}", new IssuedOpen311KeyDto(ToDto(key), secret));
    }

    public static async Task<Ok<IReadOnlyList<Open311KeyDto>>> List([AsParameters] HotlineServices s) =>
        TypedResults.Ok<IReadOnlyList<Open311KeyDto>>([.. (await s.Grains.GetGrain<IOpen311KeyRegistryGrain>(Registry).ListAsync()).Select(ToDto)]);

    public static async Task<Ok<Open311KeyDto>> Revoke(string keyId, [AsParameters] HotlineServices s)
    {
        var actor = await s.ActorAsync();
        var key = await s.Grains.GetGrain<IOpen311KeyRegistryGrain>(Registry).RevokeAsync(keyId, actor.UserName);
        var caller = await s.Access.CallerAsync();
        await s.Audit.WriteAsync(caller.Actor, "open311.key.revoke", "open311key", key.Id, key.Jurisdiction, $"name={key.Name}");
        return TypedResults.Ok(ToDto(key));
    }

    /// <summary>The jurisdiction a key may file for (the city for a configured key), or null for a missing, unknown or revoked key.</summary>
    public static async Task<string?> JurisdictionOfAsync(string? apiKey, IOptions<Open311Options> options, IGrainFactory grains)
    {
        if (string.IsNullOrEmpty(apiKey) || apiKey.Length > 200) return null;
        if (options.Value.ApiKeys.Any(k => k.Length > 0 && string.Equals(k, apiKey, StringComparison.Ordinal))) return RegionCodes.City;
        return (await grains.GetGrain<IOpen311KeyRegistryGrain>(Registry).FindAsync(Hash(apiKey)))?.Jurisdiction;
    }

    private static Open311KeyDto ToDto(Open311Key k) => new(k.Id, k.Name, k.Jurisdiction, ShanghaiTime.Show(k.IssuedAtUtc), k.IssuedBy,
        k.RevokedAtUtc is { } r ? ShanghaiTime.Show(r) : null);

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
