using NetTopologySuite.Geometries;

namespace Grid.Geo;

/// <summary>Places one Voronoi generator per child inside a parent: fixed ones first, the rest by best-candidate sampling.</summary>
internal static class GeneratorSampler
{
    private const int Candidates = 12;

    public static Coordinate[] Place(Geometry parent, IReadOnlyList<string> children, Func<string, Coordinate?> fixedAt, Random random)
    {
        var placed = new Coordinate?[children.Count];
        var all = new List<Coordinate>(children.Count);
        for (var i = 0; i < children.Count; i++)
        {
            if (fixedAt(children[i]) is { } at && PolygonPoints.IsInterior(at, parent))
            {
                placed[i] = at;
                all.Add(at);
            }
        }
        for (var i = 0; i < children.Count; i++)
        {
            if (placed[i] is not null)
            {
                continue;
            }
            Coordinate? best = null;
            var bestDistance = -1.0;
            for (var k = 0; k < Candidates; k++)
            {
                var candidate = PolygonPoints.RandomPointIn(parent, random).Coordinate;
                var distance = all.Count == 0 ? 0 : all.Min(p => p.Distance(candidate));
                if (distance > bestDistance)
                {
                    best = candidate;
                    bestDistance = distance;
                }
            }
            placed[i] = best!;
            all.Add(best!);
        }
        return [.. placed.Select(p => p!)];
    }
}
