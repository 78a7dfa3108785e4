namespace Grid.Contracts;

/// <summary>A coded, named division or grid in a locate answer.</summary>
public sealed record NamedCode(string Code, string Name);

/// <summary>Where a WGS84 point falls: its county, township, village or community, and grid.</summary>
public sealed record LocationDto(double Lat, double Lng, NamedCode County, NamedCode Township, NamedCode Village, NamedCode Grid);
