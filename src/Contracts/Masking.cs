namespace Grid.Contracts;

/// <summary>How personal values look to a role that does not need them in clear.</summary>
public static class Masking
{
    /// <summary>"421202199001011234" → "4212**********1234".</summary>
    public static string IdNumber(string value) => Keep(value, 4, 4);

    /// <summary>"13812345678" → "138****5678".</summary>
    public static string Phone(string value) => Keep(value, 3, 4);

    /// <summary>Keeps the first six characters (the county and township part) of an address.</summary>
    public static string Address(string value) => value.Length <= 6 ? new string('*', value.Length) : value[..6] + "****";

    private static string Keep(string value, int head, int tail) =>
        value.Length <= head + tail ? new string('*', value.Length) : value[..head] + new string('*', value.Length - head - tail) + value[^tail..];
}
