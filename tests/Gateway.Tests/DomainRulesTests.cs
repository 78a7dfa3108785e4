using Grid.Contracts;
using Grid.Grains.Accounts;
using Grid.Grains.Seeding;

namespace Grid.Gateway.Tests;

public sealed class DomainRulesTests
{
    [Theory]
    [InlineData("421200000000", RegionLevel.City)]
    [InlineData("421222000000", RegionLevel.County)]
    [InlineData("421222100000", RegionLevel.Township)]
    [InlineData("421222100201", RegionLevel.Village)]
    public void TheLevelOfARegionFollowsItsCode(string code, RegionLevel level) =>
        Assert.Equal(level, RegionCodes.LevelOf(code));

    [Theory]
    [InlineData("421202000000", "421202001001", true)]
    [InlineData("421202000000", "421202001001-G01", true)]
    [InlineData("421202001000", "421202002001", false)]
    [InlineData("421222000000", "421202001001", false)]
    [InlineData("421200000000", "421281001001", true)]
    public void AScopeContainsExactlyTheCodesBelowIt(string scope, string target, bool expected) =>
        Assert.Equal(expected, RegionCodes.Contains(scope, target));

    [Fact]
    public void AGeneratedIdNumberHasAValidCheckDigitAndTheCountyAreaCode()
    {
        var people = new SyntheticPeople(7);
        var id = people.IdNumber("421222", new DateOnly(1941, 5, 3));

        Assert.True(IdNumbers.IsValid(id));
        Assert.StartsWith("42122219410503", id);
        Assert.False(IdNumbers.IsValid(id[..17] + (id[17] == '0' ? '1' : '0')));
    }

    [Fact]
    public void APasswordHashVerifiesOnlyTheSamePassword()
    {
        var hash = PasswordHasher.Hash("correct horse");

        Assert.True(PasswordHasher.Verify("correct horse", hash));
        Assert.False(PasswordHasher.Verify("correct horsE", hash));
        Assert.DoesNotContain("correct", hash);
        Assert.NotEqual(hash, PasswordHasher.Hash("correct horse"));
    }
}
