using Grid.Gateway.Apis.Common;
using Grid.Contracts;
using Grid.Gateway.Hosting;
using Grid.Gateway.Security;
using Grid.Grains.Accounts;
using Grid.Grains.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grid.Gateway.Apis.Accounts;

/// <summary>What sign-in, refresh and sign-out need; see docs/operations.md, "Sign-in, tokens and rate limits".</summary>
public sealed record AuthServices(IGrainFactory Grains, TokenService Tokens, SignInThrottle Throttle, IAuditLog Audit,
    AuthOptions Options, ILogger<TokenRequest> Logger)
{
    public TimeSpan RefreshLifetime => TimeSpan.FromHours(Options.RefreshTokenHours);
}

public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Auth");
        api.MapPost("/token", IssueToken).WithName("IssueToken").ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Sign in with user name and password; returns a short access token and sets the refresh cookie.").AllowAnonymous();
        api.MapPost("/refresh", Refresh).WithName("RefreshToken")
            .WithSummary("Spend the refresh cookie for a new access token and a new refresh cookie.").AllowAnonymous();
        api.MapPost("/sign-out", SignOut).WithName("SignOut").WithSummary("End the session of the refresh cookie.").AllowAnonymous();
        api.MapGet("/me", Me).WithName("Me").ProducesProblem(StatusCodes.Status404NotFound).WithSummary("The signed-in account.").RequireAuthorization();
        return api;
    }

    public static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> IssueToken(
        TokenRequest request, HttpContext context, [AsParameters] AuthServices s)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName)) errors["userName"] = ["Enter your user name."];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["Enter your password."];
        if (request.UserName?.Length > 64) errors["userName"] = ["A user name has at most 64 characters."];
        if (request.Password?.Length > 1024) errors["password"] = ["A password has at most 1,024 characters."];
        if (errors.Count > 0) return Problems.Invalid(errors);

        var userName = request.UserName!.Trim().ToLowerInvariant();
        var address = ClientAddress.Of(context);
        if (s.Throttle.WaitFor(userName, address) is { } wait) return TooManyTries(context, wait);
        var signedIn = await s.Grains.GetGrain<IAccountGrain>(userName).SignInAsync(request.Password!, s.RefreshLifetime);
        if (signedIn is null)
        {
            s.Throttle.Failed(userName, address);
            s.Logger.LogInformation("Sign-in refused for {UserName} from {Address}", userName, address);
            await s.Audit.WriteAsync(new AuditActor(userName, "Anonymous"), "account.sign-in-failed", "account", userName, Grid.Contracts.RegionCodes.City, $"from {address}");
            return Problems.Status(401, "Sign-in failed.", "The user name or password is wrong, or the account is disabled.");
        }
        s.Throttle.Succeeded(userName, address);
        await s.Audit.WriteAsync(new AuditActor(userName, signedIn.Account.Role), "account.sign-in", "account", userName, signedIn.Account.RegionCode, $"from {address}");
        RefreshCookie.Set(context, signedIn.RefreshToken!, signedIn.RefreshExpiresUtc!.Value);
        return TypedResults.Ok(s.Tokens.Issue(signedIn));
    }

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Refresh(HttpContext context, [AsParameters] AuthServices s)
    {
        if (RefreshCookie.Read(context) is not { } presented) return Refused(context, "There is no refresh cookie; sign in.");
        var answer = await s.Grains.GetGrain<IAccountGrain>(presented.UserName)
            .RefreshAsync(presented.FamilyId, presented.Secret, s.RefreshLifetime);
        if (answer is { Outcome: RefreshOutcome.Rotated, Session: { } session })
        {
            RefreshCookie.Set(context, session.RefreshToken!, session.RefreshExpiresUtc!.Value);
            return TypedResults.Ok(s.Tokens.Issue(session));
        }
        if (answer.Outcome == RefreshOutcome.Reused)
        {
            s.Logger.LogWarning("A spent refresh token of {UserName} was presented again from {Address}; its session was ended",
                presented.UserName, ClientAddress.Of(context));
            await s.Audit.WriteAsync(new AuditActor(presented.UserName, "Anonymous"), "account.refresh-reused", "account",
                presented.UserName, Grid.Contracts.RegionCodes.City, $"from {ClientAddress.Of(context)}; session ended");
        }
        return Refused(context, "The session has ended (signed out, expired, replaced, or the account changed); sign in again.");
    }

    public static async Task<NoContent> SignOut(HttpContext context, IGrainFactory grains)
    {
        if (RefreshCookie.Read(context) is { } presented)
            await grains.GetGrain<IAccountGrain>(presented.UserName).EndSessionAsync(presented.FamilyId);
        RefreshCookie.Clear(context);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<AccountDto>, ProblemHttpResult>> Me(System.Security.Claims.ClaimsPrincipal user, IGrainFactory grains) =>
        await grains.GetGrain<IAccountGrain>(user.UserName()).GetAsync() is { } a
            ? TypedResults.Ok(a.ToDto())
            : Problems.NotFound($"The account {user.UserName()} no longer exists; sign in again.");

    private static ProblemHttpResult Refused(HttpContext context, string detail)
    {
        RefreshCookie.Clear(context);
        return Problems.Status(401, "Not signed in.", detail);
    }

    private static ProblemHttpResult TooManyTries(HttpContext context, TimeSpan wait)
    {
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString();
        return Problems.Status(429, "Too many failed sign-ins.",
            "This address failed to sign in to this account too often; wait for the time in Retry-After. Other addresses are not affected.");
    }
}
