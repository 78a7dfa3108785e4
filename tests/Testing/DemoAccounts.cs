namespace Grid.Testing;

/// <summary>The demo accounts the seed creates (see AccountSeeder) and where they sit.</summary>
public static class DemoAccounts
{
    public const string Admin = "admin";
    public const string DataBureau = "databureau";
    public const string Department = "department";
    /// <summary>Coordinator of 咸安区 (421202000000).</summary>
    public const string Coordinator = "coordinator";
    /// <summary>Coordinator of 温泉街道 (421202001000).</summary>
    public const string TownshipCoordinator = "township";
    /// <summary>Coordinator of 通城县 (421222000000): outside 咸安区.</summary>
    public const string OtherCoordinator = "coordinator2";
    /// <summary>Center staff of the first village of 温泉街道.</summary>
    public const string Center = "center";
    public const string Worker = "worker";
    public const string Resident = "resident";
}
