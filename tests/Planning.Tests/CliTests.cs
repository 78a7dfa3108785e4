using Grid.Planning.Cli;

namespace Grid.Planning.Tests;

public sealed class CliTests
{
    [Theory]
    [InlineData(new string[0], "no input file")]
    [InlineData(new[] { "/nonexistent/day.json" }, "does not exist")]
    [InlineData(new[] { "x.json", "--seconds", "soon" }, "--seconds")]
    [InlineData(new[] { "--solomon", "NOPE.txt" }, "does not exist")]
    [InlineData(new[] { "x.json", "--fast" }, "unknown option")]
    public void BadArgumentsExitWithTwoAndAMessage(string[] args, string expected)
    {
        var (code, _, error) = Run(args);
        Assert.Equal(2, code);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void AMalformedInstanceFileExitsWithTwo()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "{\"format\":\"grid-visits/1\",\"workers\":[]}");
        var (code, output, error) = Run([path]);
        File.Delete(path);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("speedKmh is missing", error);
    }

    [Fact]
    public void AnInstanceFileGivesAValidPlanOnStdout()
    {
        var instance = InstanceGenerator.Generate(30, 4, seed: 9);
        var path = Path.GetTempFileName();
        File.WriteAllText(path, PlanJson.WriteInstance(instance));
        var (code, output, _) = Run([path, "--seconds", "0.3"]);
        File.Delete(path);
        Assert.Equal(0, code);
        Assert.Empty(PlanValidator.Validate(instance, PlanJson.ReadPlan(output)));
    }

    [Fact]
    public void ASolomonFileGivesAValidPlanOnStdout()
    {
        var path = TestData.SolomonPath("C101");
        Assert.Equal(path, PlanCommand.ResolveSolomon(path));
        var (code, output, error) = Run(["--solomon", path, "--seconds", "0.3"]);
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.NotEmpty(PlanJson.ReadPlan(output).Routes);
    }

    private static (int Code, string Output, string Error) Run(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = PlanCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
