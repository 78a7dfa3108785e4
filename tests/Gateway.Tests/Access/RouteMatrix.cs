namespace Grid.Gateway.Tests.Access;

/// <summary>
/// The route matrix table: one line per operation, "METHOD path | stranger | own | other", where own and
/// other hold one cell per demo account in <see cref="AccessWorld.Accounts"/> order.
/// </summary>
public static class RouteMatrix
{
    public sealed record Row(string Key, char Anonymous, string Own, string Other)
    {
        public string Text => $"{Anonymous} | {Own} | {Other}";
    }

    public static Dictionary<string, Row> Read(string path) =>
        File.ReadLines(path)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(p => p[0], p => new Row(p[0], p[1][0], p[2], p[3]), StringComparer.Ordinal);

    public static void Write(string path, IEnumerable<Row> rows)
    {
        var width = rows.Max(r => r.Key.Length);
        var header = new[]
        {
            "# Who may call each operation of /openapi/v1.json (RouteMatrixTests).",
            "# Columns: operation | stranger | own place | other place. Own is the center's village (温泉街道, 咸安区);",
            "# other is a village of another township of 咸安区. Cells per account, in this order:",
            "#   admin databureau department coordinator(咸安区) township(温泉街道) coordinator2(通城县) center worker resident",
            "# + allowed (any answer but 401/403, never 5xx)   - refused with 403   1 refused with 401",
        };
        File.WriteAllLines(path, header.Concat(rows.Select(r => $"{r.Key.PadRight(width)} | {r.Anonymous} | {r.Own} | {r.Other}")));
    }
}
