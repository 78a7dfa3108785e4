using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Grid.Gateway.Security;

/// <summary>
/// The HMAC key that signs access tokens. A configured key wins; otherwise one is generated once and
/// kept (owner-only) in the data directory, so tokens stay valid across restarts of the embedded run.
/// </summary>
public static class SigningKeyStore
{
    public static SymmetricSecurityKey Load(string? configured, string dataPath)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return new SymmetricSecurityKey(Convert.FromBase64String(configured));
        Directory.CreateDirectory(dataPath);
        var file = Path.Combine(dataPath, "token-signing.key");
        if (!File.Exists(file))
        {
            File.WriteAllText(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(file).Trim()));
    }
}
