using Grid.Contracts;
using Grid.Grains.Dispatch;
using Grid.Grains.Regions;
using Grid.Storage;

namespace Grid.Gateway.Tests;

/// <summary>
/// One enum per concept lives in Grid.Contracts; grain state stores enums by name, so the names and
/// values below are the ones rows written before the unification hold and must keep meaning.
/// </summary>
public sealed class ArchitectureEnumTests
{
    public static TheoryData<Type, string> StoredEnums() => new()
    {
        { typeof(TaskStage), "Queued=0 Offered=1 Accepted=2 CheckedIn=3 Completed=4 Failed=5 Cancelled=6" },
        { typeof(TaskKind), "Request=0 CareVisit=1" },
        { typeof(Urgency), "Routine=1 Due=2 Urgent=3" },
        { typeof(RequestChannel), "App=0 Hotline=1 InPerson=2 Scheduled=3" },
        { typeof(RequesterKind), "Resident=0 FamilyProxy=1 Worker=2 HotlineOperator=3 System=4" },
        { typeof(Satisfaction), "VerySatisfied=0 Satisfied=1 BasicallySatisfied=2 Dissatisfied=3 VeryDissatisfied=4" },
        { typeof(RatingChannel), "Portal=0 QrCode=1 Phone=2 Terminal=3" },
        { typeof(ServiceRecordKind), "AssistedAgencyTask=0 WindowService=1 DelegatedItem=2 HotlineOrder=3" },
        { typeof(RectificationState), "Open=0 CalledBack=1 Verified=2 Fixed=3 Explained=4 Closed=5 Withdrawn=6" },
        { typeof(AppealGround), "Malicious=0 Mistaken=1" },
        { typeof(QualityVerdict), "Keep=0 Review=1 Cancel=2" },
        { typeof(RegionLevel), "City=0 County=1 Township=2 Village=3" },
        { typeof(VillageKind), "Village=0 Community=1" },
    };

    [Theory]
    [MemberData(nameof(StoredEnums))]
    public void StoredEnumKeepsItsNamesAndValues(Type type, string expected)
    {
        var members = Enum.GetValues(type).Cast<object>().Select(v => $"{Enum.GetName(type, v)}={Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)}");

        Assert.Equal(expected, string.Join(' ', members));
    }

    [Fact]
    public void NoEnumIsDeclaredTwiceAcrossContractsAndGrains()
    {
        var contracts = typeof(TaskStage).Assembly.GetTypes().Where(t => t.IsEnum).ToList();
        var grains = typeof(TaskState).Assembly.GetTypes().Where(t => t.IsEnum).ToList();
        Assert.NotEmpty(contracts);
        Assert.NotEmpty(grains);

        var shapes = contracts.ToDictionary(t => string.Join(',', Enum.GetNames(t)), t => t.Name);
        var names = contracts.Select(t => t.Name).ToHashSet();
        // A twin has the same members (a copy) or the same name (a copy that has since drifted).
        var twins = grains.Where(g => shapes.ContainsKey(string.Join(',', Enum.GetNames(g)))).Select(g => $"{g.FullName} = {shapes[string.Join(',', Enum.GetNames(g))]}")
            .Concat(grains.Where(g => names.Contains(g.Name)).Select(g => $"{g.FullName} is named as a Contracts enum"));

        Assert.Empty(twins);
    }

    [Fact]
    public void TaskStateWrittenBeforeTheUnificationReadsBack()
    {
        const string row = """{"draft":{"id":"t1","kind":"CareVisit","urgency":"Urgent","requester":{"kind":"FamilyProxy","channel":"Hotline"}},"stage":"CheckedIn"}""";

        var state = new JsonGrainStorageSerializer().Deserialize<TaskState>(BinaryData.FromString(row));

        Assert.Equal(TaskStage.CheckedIn, state.Stage);
        Assert.Equal(TaskKind.CareVisit, state.Draft!.Kind);
        Assert.Equal(Urgency.Urgent, state.Draft.Urgency);
        Assert.Equal(RequesterKind.FamilyProxy, state.Draft.Requester.Kind);
        Assert.Equal(RequestChannel.Hotline, state.Draft.Requester.Channel);
        Assert.Contains("\"stage\":\"CheckedIn\"", new JsonGrainStorageSerializer().Serialize(state).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void GeoDivisionLevelMapsToRegionLevelByNameBothWays()
    {
        var levels = Enum.GetValues<Geo.DivisionLevel>();
        Assert.NotEmpty(levels);

        Assert.All(levels, l => Assert.Equal(l, l.ToRegionLevel().ToDivisionLevel()));
        Assert.All(Enum.GetValues<RegionLevel>(), r => Assert.Equal(r, r.ToDivisionLevel().ToRegionLevel()));
        Assert.Equal(Enum.GetNames<Geo.DivisionLevel>(), Enum.GetNames<RegionLevel>());
    }
}
