using Grid.Contracts;
using Grid.Grains.Accounts;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Grid.Gateway.Security;

/// <summary>Signs short access tokens; each carries the account's security stamp (see <see cref="AccountStamps"/>).</summary>
public sealed class TokenService(SymmetricSecurityKey key, TimeSpan lifetime, TimeProvider clock)
{
    public const string Issuer = "grid";
    public const string Audience = "grid";

    public TokenResponse Issue(SignedIn signedIn)
    {
        var account = signedIn.Account;
        var now = clock.GetUtcNow();
        var expires = now + lifetime;
        var claims = new Dictionary<string, object>
        {
            [GridClaims.Name] = account.UserName,
            [GridClaims.Role] = account.Role,
            [GridClaims.Region] = account.RegionCode,
            [GridClaims.DisplayName] = account.DisplayName,
            [GridClaims.Stamp] = signedIn.Stamp,
        };
        if (account.SubjectId is { } subject) claims[GridClaims.Subject] = subject;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
        return new TokenResponse(token, expires, account.ToDto());
    }
}

public static class AccountMapping
{
    public static AccountDto ToDto(this AccountInfo a) => new(a.UserName, a.DisplayName, a.Role, a.RegionCode, a.SubjectId);
}
