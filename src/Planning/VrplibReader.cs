using System.Globalization;

namespace Grid.Planning;

/// <summary>
/// Reads VRPTW instances in VRPLIB format (as CVRPLIB publishes Solomon and Gehring–Homberger) and
/// their .sol files. Node 1 is the depot; node k becomes customer number k − 1, the numbering that
/// .sol routes use. Distances follow the DIMACS rule: Euclidean, truncated to one decimal.
/// </summary>
public static class VrplibReader
{
    public static SolomonInstance ReadFile(string path)
    {
        if (!File.Exists(path)) throw new PlanningFormatException($"VRPLIB file '{path}' does not exist");
        return Read(File.ReadAllText(path), Path.GetFileNameWithoutExtension(path));
    }

    public static SolomonInstance Read(string text, string fallbackName = "")
    {
        var header = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var sections = new Dictionary<string, List<double[]>>(StringComparer.OrdinalIgnoreCase);
        List<double[]>? current = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.Equals("EOF", StringComparison.OrdinalIgnoreCase)) continue;
            if (line.EndsWith("_SECTION", StringComparison.OrdinalIgnoreCase))
            {
                current = sections[line] = [];
                continue;
            }
            var colon = line.IndexOf(':');
            if (colon > 0 && !char.IsDigit(line[0]) && line[0] != '-')
            {
                header[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                current = null;
                continue;
            }
            if (current is null) throw new PlanningFormatException($"VRPLIB line '{line}' is outside any section");
            current.Add(Numbers(line));
        }
        var type = header.GetValueOrDefault("TYPE", "");
        if (!type.Equals("VRPTW", StringComparison.OrdinalIgnoreCase) && !type.Equals("CVRPTW", StringComparison.OrdinalIgnoreCase))
        {
            throw new PlanningFormatException($"VRPLIB TYPE is '{type}'; only VRPTW instances can be planned");
        }
        var weight = header.GetValueOrDefault("EDGE_WEIGHT_TYPE", "EUC_2D");
        if (!weight.Equals("EUC_2D", StringComparison.OrdinalIgnoreCase)) throw new PlanningFormatException($"VRPLIB EDGE_WEIGHT_TYPE '{weight}' is not supported (only EUC_2D)");
        var dimension = HeaderInt(header, "DIMENSION");
        var capacity = HeaderInt(header, "CAPACITY");
        var vehicles = header.ContainsKey("VEHICLES") ? HeaderInt(header, "VEHICLES") : dimension - 1;
        var coords = Section(sections, "NODE_COORD_SECTION", dimension, 3);
        var demand = Section(sections, "DEMAND_SECTION", dimension, 2);
        var windows = Section(sections, "TIME_WINDOW_SECTION", dimension, 3);
        var service = sections.ContainsKey("SERVICE_TIME_SECTION") ? Section(sections, "SERVICE_TIME_SECTION", dimension, 2) : null;
        var defaultService = header.TryGetValue("SERVICE_TIME", out var st) ? ParseHeaderNumber("SERVICE_TIME", st) : 0;
        if (sections.TryGetValue("DEPOT_SECTION", out var depots) && depots.Count > 0 && depots[0][0] != 1)
        {
            throw new PlanningFormatException("VRPLIB DEPOT_SECTION must name node 1 as the only depot");
        }
        var customers = new SolomonCustomer[dimension];
        for (var k = 0; k < dimension; k++)
        {
            var serviceTime = service is null ? (k == 0 ? 0 : defaultService) : service[k][1];
            customers[k] = new SolomonCustomer(k, coords[k][1], coords[k][2], (int)demand[k][1], windows[k][1], windows[k][2], serviceTime);
            if (customers[k].Due < customers[k].Ready) throw new PlanningFormatException($"VRPLIB node {k + 1} has a time window that closes before it opens");
        }
        var name = header.GetValueOrDefault("NAME", fallbackName);
        return new SolomonInstance(name, vehicles, capacity, customers[0], customers[1..], DistanceRounding.TruncateOneDecimal);
    }

    /// <summary>Reads a .sol file: routes of customer numbers and the stated cost.</summary>
    public static VrplibSolution ReadSolution(string path)
    {
        if (!File.Exists(path)) throw new PlanningFormatException($"VRPLIB solution '{path}' does not exist");
        var routes = new List<IReadOnlyList<int>>();
        double? cost = null;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith("Route", StringComparison.OrdinalIgnoreCase) && line.Contains(':'))
            {
                routes.Add(line[(line.IndexOf(':') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(x => int.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : throw new PlanningFormatException($"route entry '{x}' in '{path}' is not a customer number"))
                    .ToList());
            }
            else if (line.StartsWith("Cost", StringComparison.OrdinalIgnoreCase))
            {
                cost = ParseHeaderNumber("Cost", line[4..].Trim());
            }
        }
        return cost is { } stated ? new VrplibSolution(routes, stated) : throw new PlanningFormatException($"VRPLIB solution '{path}' has no Cost line");
    }

    private static List<double[]> Section(Dictionary<string, List<double[]>> sections, string name, int dimension, int columns)
    {
        if (!sections.TryGetValue(name, out var rows)) throw new PlanningFormatException($"VRPLIB file has no {name}");
        if (rows.Count != dimension) throw new PlanningFormatException($"VRPLIB {name} has {rows.Count} rows, DIMENSION says {dimension}");
        for (var k = 0; k < rows.Count; k++)
        {
            if (rows[k].Length < columns) throw new PlanningFormatException($"VRPLIB {name} row {k + 1} has fewer than {columns} numbers");
            if (rows[k][0] != k + 1) throw new PlanningFormatException($"VRPLIB {name} row {k + 1} is numbered {rows[k][0]}; nodes must be listed 1..{dimension} in order");
        }
        return rows;
    }

    private static int HeaderInt(Dictionary<string, string> header, string key)
    {
        if (!header.TryGetValue(key, out var text)) throw new PlanningFormatException($"VRPLIB header has no {key}");
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new PlanningFormatException($"VRPLIB {key} '{text}' is not a positive whole number");
    }

    private static double ParseHeaderNumber(string key, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw new PlanningFormatException($"VRPLIB {key} '{text}' is not a number");

    private static double[] Numbers(string line)
    {
        var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var result = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out result[i])) throw new PlanningFormatException($"VRPLIB line '{line}': '{parts[i]}' is not a number");
        }
        return result;
    }
}

/// <summary>A VRPLIB solution: routes as customer numbers (depot omitted) and its stated cost.</summary>
public sealed record VrplibSolution(IReadOnlyList<IReadOnlyList<int>> Routes, double Cost);
