namespace Grid.Geo.Tests;

public sealed class DivisionCsvTests
{
    [Fact]
    public void ReadsTheCityItsSixCountiesEightyNineTownshipsAndAllVillages()
    {
        var divisions = DivisionCsv.Read(TestData.DivisionsCsv);

        Assert.Equal(1192, divisions.Count);
        var city = Assert.Single(divisions, d => d.Level == DivisionLevel.City);
        Assert.Equal("421200000000", city.Code12);
        Assert.Equal("咸宁市", city.Name);
        Assert.Equal(6, divisions.Count(d => d.Level == DivisionLevel.County));
        Assert.Equal(89, divisions.Count(d => d.Level == DivisionLevel.Township));
        Assert.Equal(1096, divisions.Count(d => d.Level == DivisionLevel.Village));
        Assert.All(divisions, d => Assert.Equal(12, d.Code12.Length));
        Assert.Contains(divisions, d => d.IsCommunity);
        Assert.Contains(divisions, d => d.Level == DivisionLevel.Village && !d.IsCommunity);
    }

    [Fact]
    public void ReadsSixCountySeatsWithTheirSeatTownshipCodes()
    {
        var divisions = DivisionCsv.Read(TestData.DivisionsCsv).ToDictionary(d => d.Code12);
        var seats = CountySeatCsv.Read(TestData.SeatsCsv);

        Assert.Equal(6, seats.Count);
        var xianan = Assert.Single(seats, s => s.CountyCode == "421202");
        Assert.Equal("421202001000", xianan.SeatTownshipCode12);
        Assert.Equal(29.84347, xianan.Lat, 5);
        Assert.Equal(114.32201, xianan.Lng, 5);
        Assert.All(seats, s =>
        {
            Assert.Equal(DivisionLevel.Township, divisions[s.SeatTownshipCode12].Level);
            Assert.Equal(s.CountyCode12, divisions[s.SeatTownshipCode12].ParentCode);
        });
    }
}
