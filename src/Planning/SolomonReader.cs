using System.Globalization;
using System.Text.Json;

namespace Grid.Planning;

/// <summary>Reads Solomon VRPTW text files and the BKS.json table of best-known costs.</summary>
public static class SolomonReader
{
    public static SolomonInstance ReadFile(string path)
    {
        if (!File.Exists(path)) throw new PlanningFormatException($"Solomon file '{path}' does not exist");
        return Read(File.ReadAllText(path), Path.GetFileNameWithoutExtension(path));
    }

    public static SolomonInstance Read(string text, string fallbackName = "")
    {
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var name = lines.Count > 0 && !lines[0].Contains(' ') ? lines[0] : fallbackName;
        var vehicleHeader = lines.FindIndex(l => l.StartsWith("VEHICLE", StringComparison.OrdinalIgnoreCase));
        if (vehicleHeader < 0 || vehicleHeader + 2 >= lines.Count) throw new PlanningFormatException("Solomon file has no VEHICLE section");
        var fleet = Numbers(lines[vehicleHeader + 2], 2, "vehicle line");
        var customers = new List<SolomonCustomer>();
        foreach (var line in lines.Skip(vehicleHeader + 3))
        {
            if (!char.IsDigit(line[0])) continue;
            var f = Numbers(line, 7, "customer line");
            customers.Add(new SolomonCustomer((int)f[0], f[1], f[2], (int)f[3], f[4], f[5], f[6]));
        }
        if (customers.Count < 2 || customers[0].Number != 0) throw new PlanningFormatException("Solomon file needs a depot (customer 0) and at least one customer");
        if (customers.Skip(1).Select(c => c.Number).Distinct().Count() != customers.Count - 1)
        {
            throw new PlanningFormatException("Solomon file repeats a customer number");
        }
        return new SolomonInstance(name, (int)fleet[0], (int)fleet[1], customers[0], customers.Skip(1).ToList());
    }

    /// <summary>Best-known distance-minimising costs by instance name (the "_distance" entries when present).</summary>
    public static IReadOnlyDictionary<string, BestKnown> ReadBks(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var result = new Dictionary<string, BestKnown>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in doc.RootElement.EnumerateObject())
        {
            var cost = entry.Value.GetProperty("best_known_cost").GetDouble();
            var vehicles = entry.Value.TryGetProperty("solved_with_vehicles", out var v) ? v.GetInt32() : 0;
            var isDistance = entry.Name.EndsWith("_distance", StringComparison.OrdinalIgnoreCase);
            var key = isDistance ? entry.Name[..^"_distance".Length] : entry.Name;
            if (isDistance || !result.ContainsKey(key)) result[key] = new BestKnown(cost, vehicles);
        }
        return result;
    }

    private static double[] Numbers(string line, int count, string what)
    {
        var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < count) throw new PlanningFormatException($"Solomon {what} '{line}' has fewer than {count} numbers");
        var result = new double[count];
        for (var i = 0; i < count; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out result[i]))
            {
                throw new PlanningFormatException($"Solomon {what} '{line}': '{parts[i]}' is not a number");
            }
        }
        return result;
    }
}

public sealed record BestKnown(double Cost, int Vehicles);
