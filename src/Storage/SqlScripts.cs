using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Grid.Storage;

/// <summary>One embedded SQL script: its file name, text and a hash that detects later edits.</summary>
internal sealed record SqlScript(string Name, string Text, string Sha256)
{
    private const string Prefix = "Grid.Storage.Sql.";

    /// <summary>The scripts of one dialect folder (<c>Sqlite</c>, <c>PostgreSql</c>) in name order.</summary>
    public static IReadOnlyList<SqlScript> Load(string dialect)
    {
        var assembly = typeof(SqlScript).Assembly;
        var prefix = Prefix + dialect + ".";
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => Read(assembly, name, name[prefix.Length..]))
            .ToList();
    }

    private static SqlScript Read(Assembly assembly, string resource, string name)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = reader.ReadToEnd().ReplaceLineEndings("\n");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return new SqlScript(name, text, hash);
    }
}
