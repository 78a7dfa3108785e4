using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using Grid.Contracts;

namespace Grid.Portal.Services;

/// <summary>A category of the hotline's tree as an Open311 service (the services list is where the gateway exposes the tree).</summary>
public sealed record Open311Service(
    [property: JsonPropertyName("service_code")] string Code,
    [property: JsonPropertyName("service_name")] string Name,
    [property: JsonPropertyName("group")] string Group);

/// <summary>What the hotline pages look up again and again: the category tree and the names of region codes, each fetched once.</summary>
public sealed class HotlineDirectory(ApiClient api)
{
    private readonly ConcurrentDictionary<string, Task<string>> _names = new();
    private Task<IReadOnlyList<Open311Service>>? _categories;

    public IReadOnlyList<Open311Service> Categories { get; private set; } = [];

    public async Task<IReadOnlyList<Open311Service>> CategoriesAsync()
    {
        _categories ??= api.GetAsync<IReadOnlyList<Open311Service>>("open311/v2/services.json");
        try { return Categories = await _categories; }
        catch { _categories = null; throw; }
    }

    public string Category(string code) => Categories.FirstOrDefault(c => c.Code == code)?.Name ?? code;

    /// <summary>A region's name, or its code when it cannot be read (the code is still what the unit goes by).</summary>
    public Task<string> RegionNameAsync(string code) => _names.GetOrAdd(code, async c =>
    {
        try { return (await api.GetAsync<RegionDetailDto>($"api/regions/{c}")).Region.Name; }
        catch (Exception e) when (e is ApiException or HttpRequestException) { _names.TryRemove(c, out _); return c; }
    });

    public string? KnownName(string? code) =>
        code is not null && _names.TryGetValue(code, out var t) && t.IsCompletedSuccessfully ? t.Result : null;

    /// <summary>Reads the names of these codes so that <see cref="UnitName"/> can show them.</summary>
    public Task NamesAsync(IEnumerable<string?> codes) =>
        Task.WhenAll(codes.OfType<string>().Where(RegionCodes.IsValid).Distinct().Select(RegionNameAsync));

    /// <summary>The townships under a county, or under each county of the city; their names are kept for <see cref="UnitName"/>.</summary>
    public async Task<List<RegionDto>> TownshipsUnderAsync(string region)
    {
        var counties = RegionCodes.LevelOf(region) == RegionLevel.City
            ? (await api.GetAsync<List<RegionDto>>($"api/regions/{region}/children")).Select(c => c.Code).ToList() : [region];
        var townships = (await Task.WhenAll(counties.Select(c => api.GetAsync<List<RegionDto>>($"api/regions/{c}/children")))).SelectMany(t => t).ToList();
        foreach (var t in townships) _names.TryAdd(t.Code, Task.FromResult(t.Name));
        return townships;
    }

    public string UnitName(HandlingUnitKind? kind, string? id) => kind switch
    {
        HandlingUnitKind.Region when id is not null => KnownName(id) ?? id,
        HandlingUnitKind.Department => id ?? "",
        _ => "—",
    };
}
