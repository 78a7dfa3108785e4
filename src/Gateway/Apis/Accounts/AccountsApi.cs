using Grid.Gateway.Apis.Common;
using Grid.Contracts;
using Grid.Gateway.Security;
using Grid.Grains.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grid.Gateway.Apis.Accounts;

/// <summary>Accounts, for administrators.</summary>
public static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/accounts").WithTags("Admin").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        api.MapPut("/{userName}", PutAccount).WithName("PutAccount").WithSummary("Create or replace an account.");
        api.MapPost("/{userName}/disable", DisableAccount).WithName("DisableAccount").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Disable an account: its sessions end and its access tokens are refused.");
        api.MapPost("/{userName}/enable", EnableAccount).WithName("EnableAccount").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Enable a disabled account again (it signs in anew).");
        api.MapGet("/{userName}", GetAccount).WithName("GetAccount").ProducesProblem(StatusCodes.Status404NotFound).WithSummary("An account (without its password).");
        return api;
    }

    public static async Task<Results<Ok<AccountDto>, ValidationProblem>> PutAccount(string userName, CreateAccountRequest request, IGrainFactory grains, AccountStamps stamps)
    {
        var errors = new Dictionary<string, string[]>();
        var key = userName.Trim().ToLowerInvariant();
        if (key.Length is < 2 or > 64 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            errors["userName"] = ["Use 2–64 letters, digits, '.', '-' or '_'."];
        if (!string.Equals(request.UserName?.Trim(), userName.Trim(), StringComparison.OrdinalIgnoreCase))
            errors["userName"] = ["The body's userName must match the address."];
        if (string.IsNullOrWhiteSpace(request.DisplayName)) errors["displayName"] = ["Enter a display name."];
        if (request.Password is not { Length: >= 10 }) errors["password"] = ["Use at least 10 characters."];
        if (!Roles.All.Contains(request.Role)) errors["role"] = [$"Role must be one of {string.Join(", ", Roles.All)}."];
        if (!RegionCodes.IsValid(request.RegionCode)) errors["regionCode"] = ["Use a 12-digit region code."];
        if (errors.Count > 0) return Problems.Invalid(errors);
        var info = new AccountInfo(key, request.DisplayName.Trim(), request.Role, request.RegionCode, request.SubjectId, true);
        await grains.GetGrain<IAccountGrain>(key).SetAsync(info, request.Password);
        stamps.Forget(key); // the replaced account's tokens are refused here at once
        return TypedResults.Ok(info.ToDto());
    }

    public static Task<Results<Ok<AccountDto>, ProblemHttpResult>> DisableAccount(string userName, IGrainFactory grains, AccountStamps stamps) =>
        SetActiveAsync(userName, false, grains, stamps);

    public static Task<Results<Ok<AccountDto>, ProblemHttpResult>> EnableAccount(string userName, IGrainFactory grains, AccountStamps stamps) =>
        SetActiveAsync(userName, true, grains, stamps);

    private static async Task<Results<Ok<AccountDto>, ProblemHttpResult>> SetActiveAsync(string userName, bool active, IGrainFactory grains, AccountStamps stamps)
    {
        var key = userName.Trim().ToLowerInvariant();
        var info = await grains.GetGrain<IAccountGrain>(key).SetActiveAsync(active);
        stamps.Forget(key);
        return info is null ? Problems.NotFound($"No account has the user name {userName}.") : TypedResults.Ok(info.ToDto());
    }

    public static async Task<Results<Ok<AccountDto>, ProblemHttpResult>> GetAccount(string userName, IGrainFactory grains) =>
        await grains.GetGrain<IAccountGrain>(userName.Trim().ToLowerInvariant()).GetAsync() is { } a
            ? TypedResults.Ok(a.ToDto()) : Problems.NotFound($"No account has the user name {userName}.");
}
