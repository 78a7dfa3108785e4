namespace Grid.Portal.Services;

/// <summary>Pages only these roles see; others get the sign-in prompt (the API refuses them anyway).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RoleOnlyAttribute(params string[] roles) : Attribute
{
    public string[] Roles { get; } = roles;
}
