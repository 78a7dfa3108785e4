using System.Reflection;
using System.Text.RegularExpressions;
using Grid.Contracts;
using Grid.Grains.Dispatch;
using Grid.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Gateway.Tests;

/// <summary>
/// The house rules of docs/architecture.md: domains meet through interfaces and contracts, never
/// through another domain's grain classes or mapping helpers, and the portal stays free of Orleans.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed partial class ArchitectureTests(GatewayFactory gateway)
{
    private static readonly string Root = RepositoryRoot();

    [Fact]
    public void GrainsOfOneDomainNeverNameAnotherDomainsGrainClass()
    {
        var grainClasses = typeof(TaskGrain).Assembly.GetTypes()
            .Where(t => t.IsClass && typeof(Grain).IsAssignableFrom(t) && DomainOf(t.Namespace) is not null)
            .ToLookup(t => DomainOf(t.Namespace)!, t => t.Name);
        Assert.True(grainClasses.Count >= 10, $"only {grainClasses.Count} domains with grains found");

        // Seeding composes every domain at start-up, like a host; it alone may use their classes.
        var offences = SourceFiles("src/Grains").Where(f => f.Domain != "Seeding").SelectMany(f =>
            grainClasses.Where(g => g.Key != f.Domain).SelectMany(g => g)
                .Where(name => Regex.IsMatch(f.Text, $@"\b{name}\b"))
                .Select(name => $"{f.Path} uses grain class {name} of {grainClasses.First(g => g.Contains(name)).Key}; call its interface."));

        Assert.Empty(offences);
    }

    [Fact]
    public void ApiFoldersNeverUseAnotherApiFoldersTypes()
    {
        var files = SourceFiles("src/Gateway/Apis").ToList();
        var declared = files.Where(f => f.Domain != "Common")
            .SelectMany(f => TypeDeclaration().Matches(f.Text).Select(m => (f.Domain, Name: m.Groups[1].Value))).ToList();
        Assert.Contains(declared, d => d.Name.EndsWith("Mapping", StringComparison.Ordinal));

        var offences = files.SelectMany(f =>
            declared.Where(d => d.Domain != f.Domain && Regex.IsMatch(f.Text, $@"\b{d.Name}\b"))
                .Select(d => $"{f.Path} uses {d.Name} of Apis/{d.Domain}; move shared helpers to Apis/Common.")
            .Concat(ApiNamespaceUsing().Matches(f.Text).Where(m => m.Groups[1].Value is var d && d != f.Domain && d != "Common")
                .Select(m => $"{f.Path} imports Grid.Gateway.Apis.{m.Groups[1].Value}.")));

        Assert.Empty(offences);
    }

    [Fact]
    public void PortalAndContractsReferenceNoOrleans()
    {
        var portal = SourceFiles("src/Portal", "*.cs").Concat(SourceFiles("src/Portal", "*.razor")).ToList();
        Assert.NotEmpty(portal);
        Assert.Empty(portal.Where(f => f.Text.Contains("Orleans", StringComparison.Ordinal)).Select(f => f.Path));

        var project = File.ReadAllText(Path.Combine(Root, "src/Portal/Grid.Portal.csproj"));
        Assert.Equal(["../Contracts/Grid.Contracts.csproj"], Regex.Matches(project, "ProjectReference Include=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
        Assert.DoesNotContain("Orleans", project, StringComparison.Ordinal);
        Assert.DoesNotContain(typeof(TaskStage).Assembly.GetReferencedAssemblies(), a => a.Name!.StartsWith("Orleans", StringComparison.Ordinal));
    }

    [Fact]
    public void PortalHasNoCopiedViewTypes()
    {
        var contracts = typeof(TaskStage).Assembly.GetTypes().Where(t => t.IsPublic).Select(t => t.Name).ToHashSet();
        var sources = SourceFiles("src/Portal", "*.cs").Concat(SourceFiles("src/Portal", "*.razor")).ToList();
        // Every declared class, record, struct, enum or interface, and every component (a .razor file is a class).
        var portalTypes = sources.SelectMany(f => PortalTypeDeclaration().Matches(f.Text).Select(m => (f.Path, Kind: m.Groups[1].Value, Name: m.Groups[2].Value)))
            .Concat(sources.Where(f => f.Path.EndsWith(".razor", StringComparison.Ordinal)).Select(f => (f.Path, Kind: "component", Name: Path.GetFileNameWithoutExtension(f.Path))))
            .ToList();

        Assert.NotEmpty(contracts);
        Assert.Contains(portalTypes, t => t.Path.EndsWith(".razor", StringComparison.Ordinal));
        // A record named …View or …Dto is a hand-copied answer; any type named as a Contracts type is a duplicate.
        var copies = portalTypes.Where(t => (t.Kind == "record" && (t.Name.EndsWith("View", StringComparison.Ordinal) || t.Name.EndsWith("Dto", StringComparison.Ordinal)))
            || contracts.Contains(t.Name) || contracts.Contains(t.Name + "Dto")).Select(t => $"{t.Path}: {t.Kind} {t.Name}");

        Assert.Empty(copies);
    }

    [Fact]
    public void EveryRequestAndAnswerIsAContractsType()
    {
        var endpoints = gateway.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true).ToList();
        Assert.True(endpoints.Count > 50, $"only {endpoints.Count} API endpoints found");

        var offences = endpoints.SelectMany(e =>
            e.Metadata.OfType<IProducesResponseTypeMetadata>().Select(m => m.Type)
                .Concat(e.Metadata.OfType<IAcceptsMetadata>().Select(m => m.RequestType))
                .OfType<Type>()
                .SelectMany(t => Reachable(t, []))
                .Where(t => !Allowed(t))
                .Select(t => $"{e.RoutePattern.RawText} ({e.DisplayName}) carries {t.FullName}"))
            .Distinct();

        Assert.Empty(offences);
    }

    private static bool Allowed(Type t) =>
        t.Assembly == typeof(TaskStage).Assembly || t.Namespace?.StartsWith("System", StringComparison.Ordinal) == true
        || t.Namespace?.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true;

    /// <summary>The type and the types of its public properties and type arguments, transitively.</summary>
    private static IEnumerable<Type> Reachable(Type type, HashSet<Type> seen)
    {
        var t = Nullable.GetUnderlyingType(type) ?? (type.IsArray ? type.GetElementType()! : type);
        if (!seen.Add(t)) yield break;
        yield return t;
        var inner = t.IsGenericType ? t.GetGenericArguments() : [];
        var members = t.Namespace?.StartsWith("System", StringComparison.Ordinal) == true ? []
            : t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.PropertyType);
        foreach (var next in inner.Concat(members).SelectMany(n => Reachable(n, seen))) yield return next;
    }

    private static string? DomainOf(string? ns) =>
        ns?.StartsWith("Grid.Grains.", StringComparison.Ordinal) == true ? ns.Split('.')[2] : null;

    private static IEnumerable<(string Path, string Domain, string Text)> SourceFiles(string folder, string pattern = "*.cs")
    {
        var root = Path.Combine(Root, folder);
        return Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(p => (Path.GetRelativePath(Root, p), Path.GetRelativePath(root, p).Split(Path.DirectorySeparatorChar)[0], File.ReadAllText(p)));
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));

    [GeneratedRegex(@"^\s*(?:(?:public|internal|private|file|sealed|static|abstract|partial|readonly)\s+)+(?:class|record|struct|interface|enum)\s+(\w+)", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"\b(class|record|struct|enum|interface)\s+(\w+)")]
    private static partial Regex PortalTypeDeclaration();

    [GeneratedRegex(@"using\s+Grid\.Gateway\.Apis\.(\w+)\s*;")]
    private static partial Regex ApiNamespaceUsing();
}
