using Grid.Grains.Common;

namespace Grid.Gateway.Tests;

/// <summary>A host started as a built dll from another folder (the cluster scripts, the benchmarks) still reads its appsettings.json.</summary>
public sealed class HostContentRootTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("grid-cwd-").FullName;
    private readonly string _app = Directory.CreateTempSubdirectory("grid-bin-").FullName;

    [Fact]
    public void AWorkingFolderWithoutSettingsUsesTheFolderOfTheDll()
    {
        File.WriteAllText(Path.Combine(_app, "appsettings.json"), "{}");
        Assert.False(File.Exists(Path.Combine(_work, "appsettings.json")));

        Assert.Equal(_app, HostContentRoot.Choose(_work, _app));
    }

    [Fact]
    public void AWorkingFolderWithSettingsKeepsTheHostsOwnChoice()
    {
        File.WriteAllText(Path.Combine(_app, "appsettings.json"), "{}");
        File.WriteAllText(Path.Combine(_work, "appsettings.json"), "{}");

        Assert.Null(HostContentRoot.Choose(_work, _app));
    }

    [Fact]
    public void WithSettingsNowhereTheHostKeepsItsOwnChoice() => Assert.Null(HostContentRoot.Choose(_work, _app));

    public void Dispose()
    {
        Directory.Delete(_work, recursive: true);
        Directory.Delete(_app, recursive: true);
    }
}
