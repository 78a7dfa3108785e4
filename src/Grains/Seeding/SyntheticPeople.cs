using Grid.Grains.People;

namespace Grid.Grains.Seeding;

/// <summary>
/// Deterministic synthetic people for the demo seed. Names are drawn from common surnames and
/// given-name characters; ID numbers are well-formed (area code of the county, birth date, check
/// digit) but belong to nobody; phones use the 1xx mobile pattern.
/// </summary>
public sealed class SyntheticPeople(int seed)
{
    private static readonly string[] Surnames =
        ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
         "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
         "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈"];
    private static readonly string[] GivenChars =
        ["伟", "芳", "娜", "秀", "英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "兰",
         "霞", "平", "刚", "桂", "华", "国", "建", "文", "玉", "春", "红", "金", "德", "荣", "福", "志", "清", "凤", "翠", "珍"];
    private static readonly string[] Relations = ["儿子", "女儿", "配偶", "孙子", "侄子", "儿媳"];
    private static readonly string[] MobilePrefixes = ["133", "135", "136", "137", "138", "139", "150", "151", "152", "158", "159", "177", "180", "186", "189"];

    private readonly Random _random = new(seed);

    public Random Random => _random;

    public string Name() =>
        Surnames[_random.Next(Surnames.Length)] + GivenChars[_random.Next(GivenChars.Length)] +
        (_random.Next(3) == 0 ? "" : GivenChars[_random.Next(GivenChars.Length)]);

    public string Phone() =>
        MobilePrefixes[_random.Next(MobilePrefixes.Length)] + _random.Next(0, 100_000_000).ToString("D8");

    public string IdNumber(string countyCode6, DateOnly birth)
    {
        var body = $"{countyCode6}{birth:yyyyMMdd}{_random.Next(0, 1000):D3}";
        return body + IdNumbers.CheckDigit(body);
    }

    public DateOnly BirthDate(bool aged) =>
        new DateOnly(aged ? 1932 : 1950, 1, 1).AddDays(_random.Next(0, aged ? 365 * 28 : 365 * 40));

    public IReadOnlyList<Need> Needs()
    {
        // Most special-needs residents are aged; some carry two or three needs.
        var needs = new List<Need>();
        if (_random.NextDouble() < 0.7) needs.Add(Need.Aged);
        if (_random.NextDouble() < 0.35) needs.Add(Need.LivingAlone);
        if (_random.NextDouble() < 0.25) needs.Add(Need.Disabled);
        if (_random.NextDouble() < 0.12) needs.Add(Need.SeverelyIll);
        if (_random.NextDouble() < 0.05) needs.Add(Need.MartyrFamily);
        if (needs.Count == 0) needs.Add(Need.Aged);
        return needs;
    }

    public IReadOnlyList<FamilyProxy> Proxies(string surname)
    {
        var count = _random.Next(0, 3);
        return Enumerable.Range(0, count)
            .Select(_ => new FamilyProxy(surname + GivenChars[_random.Next(GivenChars.Length)],
                Relations[_random.Next(Relations.Length)], Phone(), _random.NextDouble() < 0.4))
            .ToList();
    }
}

/// <summary>Resident ID numbers (公民身份号码, GB 11643).</summary>
public static class IdNumbers
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    public static char CheckDigit(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }

    public static bool IsValid(string? id) =>
        id is { Length: 18 } && id[..17].All(char.IsAsciiDigit) && char.ToUpperInvariant(id[17]) == CheckDigit(id);
}
