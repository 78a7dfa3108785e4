using Grid.Contracts;
using Grid.Gateway.Security;
using Grid.Grains.Accounts;
using Orleans.Dashboard;

namespace Grid.Gateway.Hosting;

/// <summary>
/// The Orleans dashboard under /dashboard, for administrators only. A browser cannot send a
/// bearer header to the dashboard's own pages, so the sign-in form puts the same token in an
/// HttpOnly cookie scoped to /dashboard (see <see cref="DashboardCookie"/>).
/// The dashboard's grain-details page reads any activation's state in memory (password hashes, ID numbers
/// and phones in clear), past masking and the personal-data audit; Orleans.Dashboard has no switch for it,
/// so its route <see cref="GrainStateRoute"/> is answered here first (a lower order wins) with a 404.
/// </summary>
public static class DashboardApi
{
    public const string GrainStateRoute = "/dashboard/GrainState";

    public static void MapDashboardApi(this IEndpointRouteBuilder app)
    {
        app.MapOrleansDashboard("/dashboard").RequireAuthorization(p => p.RequireRole(Roles.Admin)).ExcludeFromDescription();
        app.Map(GrainStateRoute, () => Apis.Common.Problems.NotFound(
                "Grain state is not shown: it holds personal data, which is read only through the API (masked and audited)."))
            .WithOrder(-1).RequireAuthorization(p => p.RequireRole(Roles.Admin)).ExcludeFromDescription();
        app.MapGet("/admin/dashboard-sign-in", SignInForm).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/admin/dashboard-sign-in", SignIn).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
    }

    public static IResult SignInForm(string? failed) => TypedResults.Content($"""
        <!doctype html><meta charset="utf-8"><title>Grid · Orleans dashboard</title>
        <h1>Orleans dashboard — administrators</h1>
        {(failed is null ? "" : "<p role=alert>Sign-in failed, or the account is not an administrator.</p>")}
        <form method="post"><label>User name <input name="userName" autocomplete="username" required></label>
        <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
        <button>Sign in</button></form>
        """, "text/html; charset=utf-8");

    /// <summary>Throttled like the API sign-in; the cookie lives as long as one access token (no refresh here).</summary>
    public static async Task<IResult> SignIn(HttpRequest request, IGrainFactory grains, TokenService tokens, SignInThrottle throttle)
    {
        var form = await request.ReadFormAsync();
        var userName = form["userName"].ToString().Trim().ToLowerInvariant();
        var password = form["password"].ToString();
        var address = ClientAddress.Of(request.HttpContext);
        if (throttle.WaitFor(userName, address) is not null) return TypedResults.Redirect("/admin/dashboard-sign-in?failed=1");
        var signedIn = userName.Length == 0 || password.Length == 0 ? null
            : await grains.GetGrain<IAccountGrain>(userName).SignInAsync(password, refreshLifetime: null);
        if (signedIn is null) throttle.Failed(userName, address);
        if (signedIn is not { Account.Role: Roles.Admin }) return TypedResults.Redirect("/admin/dashboard-sign-in?failed=1");
        throttle.Succeeded(userName, address);
        var token = tokens.Issue(signedIn);
        request.HttpContext.Response.Cookies.Append(DashboardCookie.Name, token.AccessToken, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/dashboard", Expires = token.ExpiresAt,
            Secure = request.IsHttps,
        });
        return TypedResults.Redirect("/dashboard/");
    }
}

public static class DashboardCookie
{
    public const string Name = "grid.dashboard";

    /// <summary>For requests to /dashboard without a bearer header, the token is the sign-in cookie.</summary>
    public static string? TokenFor(HttpRequest request) =>
        request.Path.StartsWithSegments("/dashboard") && !request.Headers.Authorization.Any()
            ? request.Cookies[Name] : null;
}
