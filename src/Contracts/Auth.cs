namespace Grid.Contracts;

public static class Roles
{
    public const string Resident = nameof(Resident);
    public const string Worker = nameof(Worker);
    public const string CenterStaff = nameof(CenterStaff);
    public const string Coordinator = nameof(Coordinator);
    public const string Department = nameof(Department);
    public const string DataBureau = nameof(DataBureau);
    public const string Admin = nameof(Admin);

    public static readonly IReadOnlyList<string> All =
        [Resident, Worker, CenterStaff, Coordinator, Department, DataBureau, Admin];
}

public sealed record TokenRequest(string UserName, string Password);

public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt, AccountDto Account);

/// <summary>Who is signed in: the role and the region code that scopes what it may see.</summary>
public sealed record AccountDto(string UserName, string DisplayName, string Role, string RegionCode, string? SubjectId);

/// <summary>An administrator creates or replaces an account (PUT /api/admin/accounts/{userName}).</summary>
public sealed record CreateAccountRequest(string UserName, string DisplayName, string Password, string Role, string RegionCode, string? SubjectId);
