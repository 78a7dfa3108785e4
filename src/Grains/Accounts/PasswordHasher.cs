using System.Security.Cryptography;

namespace Grid.Grains.Accounts;

/// <summary>
/// PBKDF2-SHA256 with a per-password salt. A hash names its algorithm and iteration count
/// (<c>pbkdf2-sha256$600000$salt$hash</c>), so older, weaker hashes still verify and are replaced on the
/// next successful sign-in (<see cref="NeedsUpgrade"/>).
/// </summary>
public static class PasswordHasher
{
    /// <summary>OWASP's 2023 figure for PBKDF2-HMAC-SHA256.</summary>
    public const int DefaultIterations = 600_000;
    private const string Algorithm = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private static long _verifications;

    /// <summary>Hashes computed by <see cref="Verify"/> in this process (tests prove an unknown user costs one too).</summary>
    public static long Verifications => Interlocked.Read(ref _verifications);

    public static string Hash(string password, int iterations = DefaultIterations)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return $"{Algorithm}${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string password, string stored)
    {
        Interlocked.Increment(ref _verifications);
        if (!TryParse(stored, out var iterations, out var salt, out var expected)) return false;
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>True when the stored hash is of another algorithm or fewer iterations than wanted now.</summary>
    public static bool NeedsUpgrade(string stored, int iterations) =>
        !TryParse(stored, out var storedIterations, out _, out _) || storedIterations < iterations;

    public static int IterationsOf(string stored) => TryParse(stored, out var i, out _, out _) ? i : 0;

    private static bool TryParse(string stored, out int iterations, out byte[] salt, out byte[] hash)
    {
        var parts = stored.Split('$');
        (iterations, salt, hash) = (0, [], []);
        if (parts.Length != 4 || parts[0] != Algorithm || !int.TryParse(parts[1], out iterations) || iterations < 1) return false;
        try { (salt, hash) = (Convert.FromBase64String(parts[2]), Convert.FromBase64String(parts[3])); }
        catch (FormatException) { return false; }
        return hash.Length > 0;
    }
}

/// <summary>Bound from <c>Grid:Auth</c> on silos; lowering it below the default is for tests only.</summary>
public sealed class PasswordHashingOptions
{
    public int PasswordIterations { get; set; } = PasswordHasher.DefaultIterations;
}
