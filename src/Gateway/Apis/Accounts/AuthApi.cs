using Grid.Gateway.Apis.Common;
using Grid.Contracts;
using Grid.Gateway.Security;
using Grid.Grains.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grid.Gateway.Apis.Accounts;

public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Auth");
        api.MapPost("/token", IssueToken).WithName("IssueToken").WithSummary("Sign in with user name and password; returns a bearer token.").AllowAnonymous();
        api.MapGet("/me", Me).WithName("Me").ProducesProblem(StatusCodes.Status404NotFound).WithSummary("The signed-in account.").RequireAuthorization();
        return api;
    }

    public static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> IssueToken(
        TokenRequest request, IGrainFactory grains, TokenService tokens, ILogger<TokenRequest> logger)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName)) errors["userName"] = ["Enter your user name."];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["Enter your password."];
        if (errors.Count > 0) return Problems.Invalid(errors);

        var account = await grains.GetGrain<IAccountGrain>(request.UserName.Trim().ToLowerInvariant()).VerifyAsync(request.Password);
        if (account is null)
        {
            logger.LogInformation("Sign-in refused for {UserName}", request.UserName);
            return Problems.Status(401, "Sign-in failed.",
                "The user name or password is wrong, or the account is locked after repeated failures; try again in 15 minutes.");
        }
        return TypedResults.Ok(tokens.Issue(account));
    }

    public static async Task<Results<Ok<AccountDto>, ProblemHttpResult>> Me(System.Security.Claims.ClaimsPrincipal user, IGrainFactory grains) =>
        await grains.GetGrain<IAccountGrain>(user.UserName()).GetAsync() is { } a
            ? TypedResults.Ok(a.ToDto())
            : Problems.NotFound($"The account {user.UserName()} no longer exists; sign in again.");
}
