using System.Text.Json;

namespace Grid.Planning;

/// <summary>Strict accessors over JsonElement that name the offending path in their errors.</summary>
internal static class JsonReading
{
    public static JsonElement Required(JsonElement obj, string name, string path)
    {
        if (obj.ValueKind != JsonValueKind.Object) throw Error($"{path} must be an object");
        return obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw Error($"{path}.{name} is missing");
    }

    public static string String(JsonElement obj, string name, string path)
    {
        var value = Required(obj, name, path);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Error($"{path}.{name} must be a string");
    }

    public static double Number(JsonElement obj, string name, string path)
    {
        var value = Required(obj, name, path);
        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && double.IsFinite(d)
            ? d
            : throw Error($"{path}.{name} must be a number");
    }

    public static int Integer(JsonElement obj, string name, string path)
    {
        var value = Required(obj, name, path);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i)
            ? i
            : throw Error($"{path}.{name} must be an integer");
    }

    public static int Clock(JsonElement obj, string name, string path)
    {
        var text = String(obj, name, path);
        return ClockTime.TryParse(text, out var minutes) ? minutes : throw Error($"{path}.{name} '{text}' is not a time \"HH:mm\"");
    }

    /// <summary>A stop time: "HH:mm" (grid plans) or a plain number (Solomon plans).</summary>
    public static double Time(JsonElement obj, string name, string path)
    {
        var value = Required(obj, name, path);
        return value.ValueKind == JsonValueKind.Number ? Number(obj, name, path) : Clock(obj, name, path);
    }

    public static IReadOnlyList<string> Strings(JsonElement obj, string name, string path, bool optional = true)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return optional ? [] : throw Error($"{path}.{name} is missing");
        }
        if (value.ValueKind != JsonValueKind.Array) throw Error($"{path}.{name} must be an array of strings");
        var list = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            list.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Error($"{path}.{name} must contain only strings"));
        }
        return list;
    }

    public static JsonElement.ArrayEnumerator Array(JsonElement obj, string name, string path)
    {
        var value = Required(obj, name, path);
        return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : throw Error($"{path}.{name} must be an array");
    }

    public static PlanningFormatException Error(string message) => new(message);
}
