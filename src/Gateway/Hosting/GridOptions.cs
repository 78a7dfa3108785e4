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
    public int TokenLifetimeMinutes { get; set; } = 480;
}

public sealed class DemoOptions
{
    /// <summary>Password of the demo accounts; when empty one is generated and written to the data directory.</summary>
    public string? Password { get; set; }
}
