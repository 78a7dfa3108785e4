using Grid.Contracts;

namespace Grid.Regions.Tests;

public sealed class MaskingTests
{
    [Fact]
    public void AnIdNumberKeepsOnlyItsFirstAndLastFourCharacters() =>
        Assert.Equal("4212**********1234", Masking.IdNumber("421202199001011234"));

    [Fact]
    public void APhoneKeepsItsPrefixAndLastFourDigits() =>
        Assert.Equal("138****5678", Masking.Phone("13812345678"));

    [Fact]
    public void AnAddressKeepsOnlyItsCountyPart() =>
        Assert.Equal("湖北省咸宁市****", Masking.Address("湖北省咸宁市咸安区温泉街道1组2号"));

    [Fact]
    public void AShortValueIsMaskedWhole() =>
        Assert.Equal("*****", Masking.Phone("12345"));
}
