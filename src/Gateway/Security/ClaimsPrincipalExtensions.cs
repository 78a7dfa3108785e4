using System.Security.Claims;
using Grid.Contracts;

namespace Grid.Gateway.Security;

public static class GridClaims
{
    public const string Name = "name";
    public const string Role = "role";
    public const string Region = "region";
    public const string Subject = "subject";
    public const string DisplayName = "display_name";
    /// <summary>The account's security stamp when the token was issued.</summary>
    public const string Stamp = "stamp";
}

public static class ClaimsPrincipalExtensions
{
    public static string UserName(this ClaimsPrincipal user) => user.FindFirstValue(GridClaims.Name) ?? "anonymous";

    public static string? Role(this ClaimsPrincipal user) => user.FindFirstValue(GridClaims.Role);

    public static string RegionCode(this ClaimsPrincipal user) => user.FindFirstValue(GridClaims.Region) ?? "";

    public static string? SubjectId(this ClaimsPrincipal user) => user.FindFirstValue(GridClaims.Subject);
}
