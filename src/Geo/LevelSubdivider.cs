using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Triangulate;

namespace Grid.Geo;

/// <summary>
/// Cuts every parent of one level into its children: Voronoi cells of the children's generators
/// clipped to the parent, noded together with all earlier linework into one arrangement.
/// </summary>
internal sealed class LevelSubdivider(int seed)
{
    public Dictionary<string, List<Polygon>> Subdivide(
        IReadOnlyDictionary<string, Geometry> parents,
        Func<string, IReadOnlyList<string>> childrenOf,
        Func<string, Coordinate?> fixedAt,
        List<Geometry> linework)
    {
        var generators = new Dictionary<string, (IReadOnlyList<string> Children, Coordinate[] At)>(StringComparer.Ordinal);
        foreach (var parentCode in parents.Keys.Order(StringComparer.Ordinal))
        {
            var parent = parents[parentCode];
            var children = childrenOf(parentCode);
            var at = GeneratorSampler.Place(parent, children, fixedAt, new Random(MixSeed(seed, parentCode)));
            generators[parentCode] = (children, at);
            if (at.Length > 1)
            {
                linework.Add(VoronoiEdges(parent, at));
            }
        }

        var (noded, faces) = PlanarArrangement.Build(linework);
        linework.Clear();
        linework.Add(noded);

        var parentIndex = BuildIndex(parents);
        var result = new Dictionary<string, List<Polygon>>(StringComparer.Ordinal);
        foreach (var face in faces)
        {
            var inside = face.InteriorPoint.Coordinate;
            var (children, at) = generators[LocateParent(parentIndex, parents, inside)];
            var nearest = 0;
            for (var i = 1; i < at.Length; i++)
            {
                if (at[i].Distance(inside) < at[nearest].Distance(inside))
                {
                    nearest = i;
                }
            }
            var child = children[nearest];
            if (!result.TryGetValue(child, out var list))
            {
                result[child] = list = [];
            }
            list.Add(face);
        }
        return result;
    }

    private static Geometry VoronoiEdges(Geometry parent, Coordinate[] sites)
    {
        var builder = new VoronoiDiagramBuilder();
        builder.SetSites(sites);
        var clip = parent.EnvelopeInternal.Copy();
        clip.ExpandBy(Math.Max(clip.Width, clip.Height));
        builder.ClipEnvelope = clip;
        var cells = builder.GetDiagram(GeoFactory.Factory);
        var edges = GeoFactory.Factory.BuildGeometry(
            Enumerable.Range(0, cells.NumGeometries).Select(i => cells.GetGeometryN(i).Boundary));
        return OverlayNGRobust.Overlay(edges, parent, SpatialFunction.Intersection);
    }

    private static STRtree<(string Code, IPointOnGeometryLocator Locator)> BuildIndex(IReadOnlyDictionary<string, Geometry> parents)
    {
        var tree = new STRtree<(string, IPointOnGeometryLocator)>();
        foreach (var (code, geometry) in parents)
        {
            tree.Insert(geometry.EnvelopeInternal, (code, new IndexedPointInAreaLocator(geometry)));
        }
        tree.Build();
        return tree;
    }

    private static string LocateParent(
        STRtree<(string Code, IPointOnGeometryLocator Locator)> index,
        IReadOnlyDictionary<string, Geometry> parents,
        Coordinate at)
    {
        var covering = index.Query(new Envelope(at))
            .Where(e => e.Locator.Locate(at) != Location.Exterior)
            .Select(e => e.Code)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
        if (covering is not null)
        {
            return covering;
        }
        // A sliver face left by snap rounding just outside every parent: give it to the nearest one.
        var point = GeoFactory.Factory.CreatePoint(at);
        return parents.OrderBy(p => p.Value.Distance(point)).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
    }

    private static int MixSeed(int seed, string code)
    {
        var hash = (uint)seed * 2654435761u;
        foreach (var ch in code)
        {
            hash = (hash ^ ch) * 16777619u;
        }
        return (int)(hash & 0x7FFFFFFF);
    }
}
