using System.Globalization;
using System.Reflection;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grid.Gateway.Apis.Hotline;

/// <summary>
/// CSV downloads through CsvHelper (RFC 4180: a field with a comma, quote or line break is quoted and
/// its quotes doubled; a text field that a spreadsheet would run as a formula is escaped), UTF-8 with a
/// byte-order mark so that Excel opens Chinese text as Chinese. The columns are the JSON answer's
/// fields, in its order and with its names (PascalCase); times are ISO 8601 with the Shanghai offset.
/// </summary>
public static class HotlineCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static FileContentHttpResult File<T>(IEnumerable<T> rows, string fileName)
    {
        var columns = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, CsvWriterOptions.Default with { WriteByteOrderMark = true }, true))
        {
            csv.WriteHeader([.. columns.Select(c => c.Name)]);
            foreach (var row in rows) csv.WriteRecord([.. columns.Select(c => Text(c.GetValue(row)))]);
            csv.Flush();
        }
        return TypedResults.File(stream.ToArray(), ContentType, fileName);
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTimeOffset t => t.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double n => n.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
