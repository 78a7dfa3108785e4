using System.Security.Cryptography;

namespace Grid.Gateway.Apis.Hotline;

/// <summary>
/// Attachment files on disk under the data directory (Grid:DataDirectory), named by their SHA-256:
/// the same file attached twice is kept once, and a name can never reach outside the folder.
/// </summary>
public sealed class AttachmentStore(string dataDirectory)
{
    private readonly string _root = Path.Combine(Path.GetFullPath(dataDirectory), "attachments");

    /// <summary>Only these, each recognised by its first bytes as well as its declared type.</summary>
    public static readonly IReadOnlyDictionary<string, byte[]> Signatures = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["image/jpeg"] = [0xFF, 0xD8, 0xFF],
        ["image/png"] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
        ["application/pdf"] = "%PDF-"u8.ToArray(),
    };

    public static bool Looks(string contentType, ReadOnlySpan<byte> content) =>
        Signatures.TryGetValue(contentType, out var magic) && content.StartsWith(magic);

    /// <summary>Writes the content once (to a temporary name first, so a reader never sees half a file); answers its SHA-256.</summary>
    public async Task<string> PutAsync(byte[] content, CancellationToken ct)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var path = PathOf(sha);
        if (File.Exists(path)) return sha;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temp, content, ct);
        File.Move(temp, path, overwrite: true);
        return sha;
    }

    public Stream? Open(string sha256) =>
        sha256.Length == 64 && sha256.All(char.IsAsciiHexDigitLower) && File.Exists(PathOf(sha256)) ? File.OpenRead(PathOf(sha256)) : null;

    private string PathOf(string sha) => Path.Combine(_root, sha[..2], sha);
}
