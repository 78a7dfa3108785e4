using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Xunit.Abstractions;

namespace Grid.Geo.Tests;

[Collection(ModelCollection.Name)]
public sealed class SyntheticGeographyTests(ModelFixture fixture, ITestOutputHelper output)
{
    private readonly GeographyModel _model = fixture.Model;

    [Fact]
    public void BuildsAllVillagesWithFiveGridsEach()
    {
        output.WriteLine($"build: {fixture.BuildTime.TotalMilliseconds:F0} ms");
        Assert.Equal(6, _model.Counties.Count);
        Assert.Equal(89, _model.Townships.Count);
        Assert.Equal(1096, _model.Villages.Count);
        Assert.Equal(5480, _model.Grids.Count);
        Assert.All(_model.Villages.Keys, v => Assert.Equal(
            Enumerable.Range(1, 5).Select(n => $"{v}-G{n:00}"),
            _model.GridsOf(v).Select(g => g.GridId)));
    }

    [Fact]
    public void EveryUnitIsOneValidPolygonOnThePrecisionGrid()
    {
        var all = AllUnits().ToList();
        Assert.All(all, u => Assert.True(u.Geometry.IsValid, u.Code));
        Assert.All(all, u => Assert.True(u.Geometry.Area > 0, u.Code));
        Assert.All(all, u => Assert.All(u.Geometry.Coordinates, c =>
        {
            Assert.Equal(GeoFactory.Precision.MakePrecise(c.X), c.X);
            Assert.Equal(GeoFactory.Precision.MakePrecise(c.Y), c.Y);
        }));
        // Voronoi cells clipped to a concave parent could split; with the default seed none does.
        Assert.All(all, u => Assert.IsType<Polygon>(u.Geometry));
    }

    [Fact]
    public void EveryChildIsCoveredByItsParent()
    {
        var prepared = new Dictionary<string, IPreparedGeometry>();
        foreach (var (code, geometry) in AllUnits())
        {
            if (code == _model.CityCode)
            {
                continue;
            }
            var parent = _model.ParentCodes[code];
            if (!prepared.TryGetValue(parent, out var p))
            {
                prepared[parent] = p = PreparedGeometryFactory.Prepare(_model.GeometryOf(parent)!);
            }
            Assert.True(p.Covers(geometry), $"{code} is not covered by {parent}");
        }
    }

    [Fact]
    public void ChildrenTileTheirParentWithoutOverlapOrGap()
    {
        foreach (var group in AllUnits().Where(u => u.Code != _model.CityCode).GroupBy(u => _model.ParentCodes[u.Code]))
        {
            var parentArea = _model.GeometryOf(group.Key)!.Area;
            var siblings = group.ToList();
            Assert.Equal(parentArea, siblings.Sum(s => s.Geometry.Area), parentArea * 1e-9);
            for (var i = 0; i < siblings.Count; i++)
            {
                for (var j = i + 1; j < siblings.Count; j++)
                {
                    var (a, b) = (siblings[i].Geometry, siblings[j].Geometry);
                    if (a.EnvelopeInternal.Intersects(b.EnvelopeInternal))
                    {
                        Assert.False(a.Relate(b, "2********"), $"{siblings[i].Code} overlaps {siblings[j].Code}");
                    }
                }
            }
        }
    }

    [Fact]
    public void EachCountySeatLiesInsideItsCountyAndItsSeatTownship()
    {
        foreach (var seat in fixture.Seats)
        {
            var point = GeoFactory.Point(seat.Lat, seat.Lng);
            Assert.True(_model.Counties[seat.CountyCode12].Contains(point), seat.CountyName);
            Assert.True(_model.Townships[seat.SeatTownshipCode12].Contains(point), seat.SeatTownName);
            var located = fixture.Index.Locate(seat.Lat, seat.Lng);
            Assert.NotNull(located);
            Assert.Equal(seat.SeatTownshipCode12, located.TownshipCode);
        }
    }

    [Fact]
    public void RepresentativePointsLieStrictlyInsideTheirUnit()
    {
        foreach (var (code, geometry) in AllUnits())
        {
            var point = _model.RepresentativePoints[code];
            Assert.True(geometry.Contains(point), code);
        }
    }

    [Fact]
    public void SameSeedGivesTheSameGeometryAndAnotherSeedDoesNot()
    {
        var again = SyntheticGeography.Build(fixture.Divisions, fixture.Seats);
        var other = SyntheticGeography.Build(fixture.Divisions, fixture.Seats, seed: 7);

        Assert.All(_model.Grids.Values, g => Assert.Equal(g.Polygon.AsText(), again.Grids[g.GridId].Polygon.AsText()));
        Assert.Equal(_model.City.AsText(), again.City.AsText());
        Assert.Equal(_model.City.Area, other.City.Area, _model.City.Area * 1e-6);
        Assert.NotEqual(_model.Grids.Values.First().Polygon.AsText(), other.Grids.Values.First().Polygon.AsText());
    }

    [Fact]
    public void RandomPointInIsDeterministicAndInside()
    {
        var village = _model.Villages.First().Value;
        List<Point> Sample(int seed)
        {
            var random = new Random(seed);
            return [.. Enumerable.Range(0, 200).Select(_ => PolygonPoints.RandomPointIn(village, random))];
        }
        var first = Sample(3);
        var second = Sample(3);

        Assert.Equal(first.Select(p => p.AsText()), second.Select(p => p.AsText()));
        Assert.All(first, p => Assert.True(village.Contains(p)));
        Assert.True(first.Select(p => p.AsText()).Distinct().Count() > 190);
    }

    private IEnumerable<(string Code, Geometry Geometry)> AllUnits() =>
        new[] { (_model.CityCode, _model.City) }
            .Concat(_model.Counties.Select(c => (c.Key, c.Value)))
            .Concat(_model.Townships.Select(c => (c.Key, c.Value)))
            .Concat(_model.Villages.Select(c => (c.Key, c.Value)))
            .Concat(_model.Grids.Values.Select(g => (g.GridId, g.Polygon)));
}
