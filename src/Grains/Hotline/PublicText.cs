using System.Text.RegularExpressions;

namespace Grid.Grains.Hotline;

/// <summary>
/// Text for the public pages: the caller's own name and phone are cut out, and any run of digits that
/// could be a phone or an ID number (7 or more, spaces and dashes allowed between) is masked, so a
/// summary an agent typed with a number in it is still safe to publish.
/// </summary>
public static partial class PublicText
{
    public const int MaxLength = 200;

    public static string Redact(string text, params string?[] personal)
    {
        var result = text;
        foreach (var value in personal)
            if (value?.Trim() is { Length: > 0 } v) result = result.Replace(v, "**", StringComparison.OrdinalIgnoreCase);
        result = LongNumber().Replace(result, "***");
        return result.Length <= MaxLength ? result : result[..MaxLength] + "…";
    }

    [GeneratedRegex(@"\d(?:[\s-]?\d){6,}[\dXx]?")]
    private static partial Regex LongNumber();
}
