namespace Grid.Portal.Tests;

/// <summary>How the browser is found; no browser is started here.</summary>
public sealed class BrowserLocatorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("grid-browser-").FullName;

    [Fact]
    public void AConfiguredPathWinsOverPath()
    {
        var configured = Touch("my-chrome");
        Touch("chromium");
        Assert.Equal(configured, BrowserLocator.Find(configured, _folder));
    }

    [Fact]
    public void AConfiguredPathThatIsNotAFileFindsNothing() =>
        Assert.Null(BrowserLocator.Find(Path.Combine(_folder, "absent"), _folder));

    [Theory]
    [InlineData("chromium")]
    [InlineData("chromium-browser")]
    [InlineData("google-chrome")]
    public void EachKnownNameIsFoundOnPath(string name)
    {
        var expected = Touch(name);
        Assert.Equal(expected, BrowserLocator.Find(null, string.Join(Path.PathSeparator, "/nonexistent", _folder)));
    }

    [Fact]
    public void NothingOnPathFindsNothing() => Assert.Null(BrowserLocator.Find("", _folder));

    private string Touch(string name)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, "");
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
