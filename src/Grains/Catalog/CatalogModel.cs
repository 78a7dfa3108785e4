namespace Grid.Grains.Catalog;

/// <summary>A time limit; zero days means handled on the spot (即办).</summary>
[GenerateSerializer, Immutable, Alias("grid.time-limit")]
public sealed record TimeLimit([property: Id(0)] int Days, [property: Id(1)] TimeLimitUnit Unit);

/// <summary>
/// A service item as one region keeps it. <see cref="Department"/> is the owning department's name
/// (as in a Department account's subject, e.g. "民政局"); <see cref="RequiredSkills"/> are the
/// helper skills dispatch matches against workers (e.g. "elderly-care", "social-insurance").
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.service-item")]
public sealed record ServiceItem(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] ServiceItemType Type,
    [property: Id(3)] PublicServiceField? Field,
    [property: Id(4)] string Department,
    [property: Id(5)] string LegalBasis,
    [property: Id(6)] string ImplementingBody,
    [property: Id(7)] string AcceptanceConditions,
    [property: Id(8)] int OnSiteVisits,
    [property: Id(9)] string Result,
    [property: Id(10)] string QuantityLimit,
    [property: Id(11)] TimeLimit? StatutoryTimeLimit,
    [property: Id(12)] TimeLimit PromisedTimeLimit,
    [property: Id(13)] IReadOnlyList<string> ProcessSteps,
    [property: Id(14)] IReadOnlyList<ServiceLevel> Levels,
    [property: Id(15)] IReadOnlyList<string> RequiredSkills);

/// <summary>One saved version of a region's item: who changed it, when and why.</summary>
[GenerateSerializer, Immutable, Alias("grid.service-item-version")]
public sealed record ServiceItemVersion(
    [property: Id(0)] string RegionCode,
    [property: Id(1)] int Version,
    [property: Id(2)] ServiceItem Item,
    [property: Id(3)] string ChangedBy,
    [property: Id(4)] string Reason,
    [property: Id(5)] DateTime ChangedUtc);

/// <summary>An element that differs between a region's version of an item and the city's.</summary>
[GenerateSerializer, Immutable, Alias("grid.element-difference")]
public sealed record ElementDifference(
    [property: Id(0)] string Element,
    [property: Id(1)] string CityValue,
    [property: Id(2)] string RegionValue);

/// <summary>Who is acting: user name, role and, for department staff, the department.</summary>
[GenerateSerializer, Immutable, Alias("grid.actor")]
public sealed record Actor(
    [property: Id(0)] string UserName,
    [property: Id(1)] string Role,
    [property: Id(2)] string? Department,
    [property: Id(3)] string RegionCode);
