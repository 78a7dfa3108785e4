using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.Operation.OverlayNG;

namespace Grid.Geo.Tests;

[Collection(ModelCollection.Name)]
public sealed class LocateIndexTests(ModelFixture fixture)
{
    private readonly GeographyModel _model = fixture.Model;

    [Fact]
    public void AgreesWithBruteForceOnTenThousandPointsIncludingSharedEdgesAndVertices()
    {
        var points = SamplePoints(new Random(11), uniform: 6000, vertices: 2000, midpoints: 2000);
        var inside = 0;
        foreach (var (lat, lng, kind) in points)
        {
            var indexed = fixture.Index.Locate(lat, lng);
            var brute = fixture.BruteForce.Locate(lat, lng);
            Assert.Equal(brute, indexed);
            var covering = fixture.BruteForce.CoveringGrids(lat, lng);
            if (kind == SampleKind.Vertex)
            {
                // Every grid vertex lies in the city, so some grid must own it.
                Assert.NotNull(indexed);
            }
            if (indexed is null)
            {
                Assert.Empty(covering);
                continue;
            }
            inside++;
            Assert.Equal(covering[0], indexed.GridId);
            if (kind == SampleKind.Uniform)
            {
                Assert.Single(covering);
            }
            Assert.Equal(_model.ParentCodes[indexed.GridId], indexed.VillageCode);
            Assert.Equal(_model.ParentCodes[indexed.VillageCode], indexed.TownshipCode);
            Assert.Equal(_model.ParentCodes[indexed.TownshipCode], indexed.CountyCode);
        }
        Assert.True(inside > 7000, $"only {inside} points inside the city");
    }

    [Fact]
    public void ConcurrentReadersOfAFreshIndexGetTheSameAnswersAsOneReader()
    {
        var fresh = LocateIndex.Create(_model.Grids.Values, _model.ParentCodes);
        var points = SamplePoints(new Random(12), uniform: 4000, vertices: 0, midpoints: 0);
        var parallel = new LocateResult?[points.Count];

        Parallel.For(0, points.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => parallel[i] = fresh.Locate(points[i].Lat, points[i].Lng));

        Assert.Equal(points.Select(p => fixture.Index.Locate(p.Lat, p.Lng)), parallel);
    }

    [Fact]
    public void ASharedVertexGoesToTheCoveringGridWithTheSmallestId()
    {
        var shared = _model.Grids.Values.SelectMany(g => g.Polygon.Coordinates)
            .Select(c => (c, Covering: fixture.BruteForce.CoveringGrids(c.Y, c.X)))
            .First(x => x.Covering.Count >= 3);

        var located = fixture.Index.Locate(shared.c.Y, shared.c.X);

        Assert.NotNull(located);
        Assert.Equal(shared.Covering.Min(StringComparer.Ordinal), located.GridId);
    }

    [Fact]
    public void PointsOutsideTheCityAreNotLocated()
    {
        var env = _model.City.EnvelopeInternal;
        Assert.Null(fixture.Index.Locate(0, 0));
        Assert.Null(fixture.Index.Locate(env.MaxY + 0.01, env.MaxX + 0.01));
        Assert.Null(fixture.Index.Locate(env.MinY - 1e-6, env.Centre.X));
        // The envelope's corner is outside the rounded city outline.
        Assert.False(_model.City.Covers(GeoFactory.Factory.CreatePoint(new Coordinate(env.MinX, env.MinY))));
        Assert.Null(fixture.Index.Locate(env.MinY, env.MinX));
    }

    [Fact]
    public void RedrawingAGridOverItsNeighbourIsSeenByTheNewIndexOnly()
    {
        var grid = _model.Grids.Values.First();
        var neighbour = _model.Grids.Values.First(g => g.GridId != grid.GridId
            && g.VillageCode == grid.VillageCode && g.Polygon.Touches(grid.Polygon));
        var merged = OverlayNGRobust.Overlay(grid.Polygon, neighbour.Polygon, NetTopologySuite.Operation.Overlay.SpatialFunction.Union);
        var probe = _model.RepresentativePoints[neighbour.GridId];

        var redrawn = fixture.Index.WithGrid(grid.GridId, grid.VillageCode, merged).WithoutGrid(neighbour.GridId);

        Assert.Equal(grid.GridId, redrawn.Locate(probe.Y, probe.X)?.GridId);
        Assert.Equal(neighbour.GridId, fixture.Index.Locate(probe.Y, probe.X)?.GridId);
        Assert.Equal(_model.Grids.Count - 1, redrawn.Count);
        Assert.Equal(_model.Grids.Count, fixture.Index.Count);
    }

    [Fact]
    public void MovingAGridToAnotherVillageChangesItsWholeChain()
    {
        var grid = _model.Grids.Values.First(g => g.VillageCode.StartsWith("421202", StringComparison.Ordinal));
        var otherVillage = _model.Villages.Keys.First(v => v.StartsWith("421281", StringComparison.Ordinal));
        var probe = _model.RepresentativePoints[grid.GridId];

        var moved = fixture.Index.WithGrid(grid.GridId, otherVillage, grid.Polygon);
        var located = moved.Locate(probe.Y, probe.X);

        Assert.NotNull(located);
        Assert.Equal(otherVillage, located.VillageCode);
        Assert.Equal(_model.ParentCodes[otherVillage], located.TownshipCode);
        Assert.Equal("421281000000", located.CountyCode);
        Assert.Equal(grid.VillageCode, fixture.Index.Locate(probe.Y, probe.X)?.VillageCode);
    }

    [Fact]
    public void RemovingAGridLeavesItsAreaUnlocated()
    {
        var grid = _model.Grids.Values.Skip(100).First();
        var probe = _model.RepresentativePoints[grid.GridId];

        var without = fixture.Index.WithoutGrid(grid.GridId);

        Assert.Null(without.Locate(probe.Y, probe.X));
        Assert.Same(without, without.WithoutGrid(grid.GridId));
    }

    [Fact]
    public void AddingAnInvalidOrUnknownVillageGridIsRejected()
    {
        var bowtie = new WKTReader().Read("POLYGON ((114 29, 114.1 29.1, 114.1 29, 114 29.1, 114 29))");
        var square = new WKTReader().Read("POLYGON ((114 29, 114.1 29, 114.1 29.1, 114 29.1, 114 29))");

        Assert.Throws<ArgumentException>(() => fixture.Index.WithGrid("x-G01", _model.Villages.Keys.First(), bowtie));
        Assert.Throws<ArgumentException>(() => fixture.Index.WithGrid("x-G01", "999999999999", square));
    }

    private enum SampleKind
    {
        Uniform,
        Vertex,
        // The midpoint of a grid edge, on the edge or within a rounding error of it.
        Midpoint,
    }

    private List<(double Lat, double Lng, SampleKind Kind)> SamplePoints(Random random, int uniform, int vertices, int midpoints)
    {
        var env = _model.City.EnvelopeInternal;
        var grids = _model.Grids.Values.ToArray();
        var points = new List<(double, double, SampleKind)>();
        for (var i = 0; i < uniform; i++)
        {
            points.Add((env.MinY + random.NextDouble() * env.Height, env.MinX + random.NextDouble() * env.Width, SampleKind.Uniform));
        }
        for (var i = 0; i < vertices + midpoints; i++)
        {
            var ring = ((Polygon)grids[random.Next(grids.Length)].Polygon.GetGeometryN(0)).ExteriorRing.Coordinates;
            var k = random.Next(ring.Length - 1);
            var c = i < vertices ? ring[k] : new Coordinate((ring[k].X + ring[k + 1].X) / 2, (ring[k].Y + ring[k + 1].Y) / 2);
            points.Add((c.Y, c.X, i < vertices ? SampleKind.Vertex : SampleKind.Midpoint));
        }
        return points;
    }
}

