namespace Grid.Geo;

/// <summary>Reads the plain comma-separated files shipped in data/xianning (no quoting is used there).</summary>
internal static class CsvFile
{
    public static IEnumerable<Dictionary<string, string>> ReadRows(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        var header = reader.ReadLine()?.TrimStart('\uFEFF').Split(',')
            ?? throw new InvalidDataException($"{path} is empty.");
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }
            var cells = line.Split(',');
            if (cells.Length != header.Length)
            {
                throw new InvalidDataException(
                    $"{path}:{lineNumber} has {cells.Length} columns, expected {header.Length}.");
            }
            var row = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = cells[i].Trim();
            }
            yield return row;
        }
    }
}
