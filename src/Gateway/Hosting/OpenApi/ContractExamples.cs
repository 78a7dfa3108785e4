using System.Collections;
using Grid.Contracts;

namespace Grid.Gateway.Hosting.OpenApi;

/// <summary>
/// The one place where the OpenAPI document's examples come from: a Contracts type → an instance of it,
/// serialized with the gateway's own JSON options (see <see cref="ContractExampleTransformer"/>), so an example
/// cannot drift from the type it shows. Xianning data (咸安区 温泉街道 万年路社区); no real person: ID numbers use
/// the never-issued sequence 000 and phones are the 138/139-0000-0000 placeholders.
/// </summary>
public static partial class ContractExamples
{
    internal const string City = "421200000000";
    internal const string County = "421202000000";
    internal const string Township = "421202001000";
    internal const string Village = "421202001002";
    internal const string GridId = Village + "-G01";
    internal const string WorkerId = Village + "-W01";
    internal const string ResidentId = Village + "-R001";
    internal const string ItemCode = "MZ-GF-001";
    internal const string ItemName = "高龄津贴申领";
    internal const string Department = "民政局";
    internal const string FakeIdNumber = "421202194501010006"; // sequence 000 is never issued
    internal const string FakePhone = "13800000000";
    internal const string FakeProxyPhone = "13900000000";

    internal static readonly DateTimeOffset At = new(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(8));
    internal static readonly DateTime AtUtc = new(2026, 3, 2, 1, 30, 0, DateTimeKind.Utc);

    private static readonly IReadOnlyDictionary<Type, object> ByType = Build();

    /// <summary>Every example, by its contract type.</summary>
    public static IReadOnlyDictionary<Type, object> All => ByType;

    /// <summary>The example for a contract type; a <see cref="Page{T}"/> or list of a type with an example is built from it.</summary>
    public static object? For(Type type)
    {
        if (ByType.TryGetValue(type, out var example)) return example;
        if (!type.IsGenericType) return null;
        var args = type.GetGenericArguments();
        if (args.Length != 1 || !ByType.TryGetValue(args[0], out var item)) return null;
        var definition = type.GetGenericTypeDefinition();
        var one = Array.CreateInstance(args[0], 1);
        ((IList)one)[0] = item;
        if (definition == typeof(Page<>)) return Activator.CreateInstance(type, one, 0, 20, 1L);
        if (definition == typeof(List<>)) return Activator.CreateInstance(type, one);
        return definition == typeof(IReadOnlyList<>) || definition == typeof(IEnumerable<>) ? one : null;
    }

    private static IReadOnlyDictionary<Type, object> Build()
    {
        var all = new Dictionary<Type, object>();
        AddAccounts(all);
        AddRegions(all);
        AddPeople(all);
        AddDispatch(all);
        AddCatalog(all);
        AddDelegation(all);
        AddEvaluations(all);
        AddHotline(all);
        AddHotlineWhistlesAndHeads(all);
        return all;
    }

    /// <summary>Adds an example under its static type, so records nested in others are listed too.</summary>
    private static T Put<T>(this Dictionary<Type, object> all, T example) where T : notnull
    {
        all.Add(typeof(T), example);
        return example;
    }
}
