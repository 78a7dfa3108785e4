using System.Security.Cryptography;
using System.Text;

namespace Grid.Grains.Hotline;

/// <summary>A keyed hash of a caller's phone (its digits only), so "same caller" is found without keeping or logging the phone in lists.</summary>
public static class CallerHash
{
    public static string? Of(string? phone, string key)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 0 ? null
            : Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(digits)))[..32];
    }
}
