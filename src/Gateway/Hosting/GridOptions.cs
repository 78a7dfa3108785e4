namespace Grid.Gateway.Hosting;

/// <summary>The "Grid" configuration section.</summary>
public sealed class GridOptions
{
    /// <summary>Embedded (one process co-hosting a silo on SQLite) or Cluster (an Orleans client of silos on PostgreSQL).</summary>
    public GridMode Mode { get; set; } = GridMode.Embedded;
    public string DataDirectory { get; set; } = ".data";
    /// <summary>PostgreSQL connection string, used in cluster mode.</summary>
    public string? Postgres { get; set; }
    public OrleansEndpointOptions Orleans { get; set; } = new();
    public SeedOptions Seed { get; set; } = new();
    public AuthOptions Auth { get; set; } = new();
    public DemoOptions Demo { get; set; } = new();
    public RateLimitOptions RateLimits { get; set; } = new();
    public DataProtectionOptions DataProtection { get; set; } = new();
    public HttpOptions Http { get; set; } = new();
    public PlanningLimits Planning { get; set; } = new();

    public string DataPath => Path.GetFullPath(DataDirectory);
}

public enum GridMode { Embedded, Cluster }

public sealed class OrleansEndpointOptions
{
    public string ClusterId { get; set; } = "grid";
    public string ServiceId { get; set; } = "grid";
    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;
}

public sealed class SeedOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>County codes whose grids, workers and residents are seeded; empty means every county.</summary>
    public List<string> PeopleCounties { get; set; } = [];
    /// <summary>False seeds only regions, catalog and accounts (fast starts for tests and demos of the public pages).</summary>
    public bool People { get; set; } = true;
    /// <summary>False writes regions and people grain by grain instead of in bulk (slower; for comparison).</summary>
    public bool Bulk { get; set; } = true;
}

public sealed class AuthOptions
{
    /// <summary>Base64 HMAC key for tokens; when empty one is generated once and kept in the data directory.</summary>
    public string? SigningKey { get; set; }
    /// <summary>Access-token lifetime, 1–15 minutes; a longer one is refused at start (docs/operations.md, "Sign-in, tokens and rate limits").</summary>
    public int TokenLifetimeMinutes { get; set; } = 15;
    /// <summary>A refresh token's lifetime; each refresh replaces it with a new one of this lifetime.</summary>
    public int RefreshTokenHours { get; set; } = 12;
    /// <summary>PBKDF2-SHA256 iterations for new hashes (silos read it too); lower only in tests.</summary>
    public int PasswordIterations { get; set; } = Grid.Grains.Accounts.PasswordHasher.DefaultIterations;

    public TimeSpan AccessTokenLifetime => TokenLifetimeMinutes is >= 1 and <= 15
        ? TimeSpan.FromMinutes(TokenLifetimeMinutes)
        : throw new InvalidOperationException($"Grid:Auth:TokenLifetimeMinutes must be 1–15 (was {TokenLifetimeMinutes}); use refresh tokens for longer sessions.");
}

/// <summary>Requests per minute per client address; see Security/RateLimits.cs.</summary>
public sealed class RateLimitOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>POST /api/auth/token, /api/auth/refresh and the dashboard sign-in.</summary>
    public int SignInPerMinute { get; set; } = 120;
    /// <summary>Anonymous /api/public/* reads (rating by QR excepted).</summary>
    public int PublicPerMinute { get; set; } = 1200;
    /// <summary>POST /api/evaluations and the public QR rating.</summary>
    public int RatingPerMinute { get; set; } = 120;
}

public sealed class DemoOptions
{
    /// <summary>Password of the demo accounts; when empty one is generated and written to the data directory.</summary>
    public string? Password { get; set; }
}

public sealed class DataProtectionOptions
{
    /// <summary>The Data Protection key ring that seals ID numbers and phones; default "keys" in the data directory. A cluster's gateways and silos share one directory.</summary>
    public string? KeysPath { get; set; }
}

public sealed class HttpOptions
{
    /// <summary>Behind a TLS-terminating proxy: honour X-Forwarded-For/-Proto and send HSTS (always so in cluster mode).</summary>
    public bool BehindProxy { get; set; }
    /// <summary>Addresses of the proxies whose forwarded headers are believed; loopback is always believed.</summary>
    public List<string> KnownProxies { get; set; } = [];
}

/// <summary>Caps of POST /api/planning/solve (the solver runs in the gateway process).</summary>
public sealed class PlanningLimits
{
    public int MaxVisits { get; set; } = 2000;
    public int MaxWorkers { get; set; } = 200;
    public long MaxBodyBytes { get; set; } = 1024 * 1024;
    /// <summary>Solves running at once in one gateway; another is answered 429 with Retry-After.</summary>
    public int MaxConcurrentSolves { get; set; } = 2;
}
