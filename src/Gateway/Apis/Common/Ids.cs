namespace Grid.Gateway.Apis.Common;

/// <summary>Ids that callers choose: 1–100 ASCII letters, digits, '-', '_', '.' or ':' (no spaces, slashes, quotes or markup).</summary>
public static class Ids
{
    public static bool IsPlain(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 100 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
