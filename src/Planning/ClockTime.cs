using System.Globalization;

namespace Grid.Planning;

/// <summary>"HH:mm" clock times as minutes after midnight.</summary>
public static class ClockTime
{
    public static int Parse(string text)
    {
        if (text is { Length: 5 } && text[2] == ':'
            && int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            && int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && h < 24 && m < 60)
        {
            return h * 60 + m;
        }
        throw new FormatException($"'{text}' is not a clock time \"HH:mm\".");
    }

    public static bool TryParse(string? text, out int minutes)
    {
        minutes = 0;
        if (text is null) return false;
        try { minutes = Parse(text); return true; }
        catch (FormatException) { return false; }
    }

    /// <summary>Formats minutes after midnight as "HH:mm", rounding to the nearest minute.</summary>
    public static string Format(double minutes)
    {
        var total = (int)Math.Round(minutes, MidpointRounding.AwayFromZero);
        if (total < 0 || total >= 24 * 60) throw new ArgumentOutOfRangeException(nameof(minutes), minutes, "Outside the planning day.");
        return string.Create(CultureInfo.InvariantCulture, $"{total / 60:00}:{total % 60:00}");
    }
}
