namespace Grid.Gateway.Security;

/// <summary>
/// The refresh token travels only in this cookie: HttpOnly (no script reads it), SameSite=Strict (no
/// other site sends it), Secure over https, and scoped to /api/auth so ordinary API calls never carry it.
/// Its value is <c>{user}.{family}.{secret}</c>; user names may hold dots, so it is split from the right.
/// </summary>
public static class RefreshCookie
{
    public const string Name = "grid.refresh";
    public const string Path = "/api/auth";

    public static void Set(HttpContext context, string token, DateTimeOffset expires) =>
        context.Response.Cookies.Append(Name, token, Options(context, expires));

    public static void Clear(HttpContext context) =>
        context.Response.Cookies.Delete(Name, Options(context, null));

    public static (string UserName, string FamilyId, string Secret)? Read(HttpContext context)
    {
        var value = context.Request.Cookies[Name];
        if (string.IsNullOrEmpty(value) || value.Length > 400) return null;
        var secretAt = value.LastIndexOf('.');
        var familyAt = secretAt > 0 ? value.LastIndexOf('.', secretAt - 1) : -1;
        if (familyAt <= 0) return null;
        return (value[..familyAt], value[(familyAt + 1)..secretAt], value[(secretAt + 1)..]);
    }

    private static CookieOptions Options(HttpContext context, DateTimeOffset? expires) => new()
    {
        HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = context.Request.IsHttps, Path = Path, Expires = expires,
    };
}
