namespace Grid.Geo;

/// <summary>A county seat from GeoNames (WGS84, approximate to several km).</summary>
public sealed record CountySeat(
    string CountyCode,
    string CountyName,
    string SeatTownCode,
    string SeatTownName,
    string GeoNamesName,
    double Lat,
    double Lng)
{
    /// <summary>The seat township's 12-digit code: the 9-digit town code followed by "000".</summary>
    public string SeatTownshipCode12 => SeatTownCode + "000";

    /// <summary>The county's 12-digit code: the 6-digit county code followed by "000000".</summary>
    public string CountyCode12 => CountyCode + "000000";
}
