namespace Grid.Geo;

public static class DivisionCsv
{
    /// <summary>Reads xianning_divisions_nbs2023.csv (columns code12,name,level,parent_code12,county_code,county_name).</summary>
    public static IReadOnlyList<Division> Read(string path) =>
        CsvFile.ReadRows(path).Select(row => new Division(
            row["code12"],
            row["name"],
            ParseLevel(row["level"]),
            row["parent_code12"],
            row["county_code"],
            row["county_name"])).ToList();

    private static DivisionLevel ParseLevel(string level) => level switch
    {
        "city" => DivisionLevel.City,
        "county" => DivisionLevel.County,
        "township" => DivisionLevel.Township,
        "village" => DivisionLevel.Village,
        _ => throw new InvalidDataException($"Unknown division level '{level}'."),
    };
}

public static class CountySeatCsv
{
    /// <summary>Reads xianning_county_seats_geonames.csv (lat_wgs84 / lng_wgs84 in degrees).</summary>
    public static IReadOnlyList<CountySeat> Read(string path) =>
        CsvFile.ReadRows(path).Select(row => new CountySeat(
            row["county_code"],
            row["county_name"],
            row["seat_town_code"],
            row["seat_town_name"],
            row["geonames_name"],
            double.Parse(row["lat_wgs84"], System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(row["lng_wgs84"], System.Globalization.CultureInfo.InvariantCulture))).ToList();
}
