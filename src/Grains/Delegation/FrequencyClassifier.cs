namespace Grid.Grains.Delegation;

/// <summary>
/// High, medium or low frequency (Art. 11) from a region's requests per month for an item:
/// at least 10 a month is high, at least 2 a month is medium, fewer is low.
/// </summary>
public static class FrequencyClassifier
{
    public const double HighPerMonth = 10, MediumPerMonth = 2;

    public static FrequencyClass Classify(long requests, int months)
    {
        var perMonth = requests / (double)Math.Max(1, months);
        return perMonth >= HighPerMonth ? FrequencyClass.High : perMonth >= MediumPerMonth ? FrequencyClass.Medium : FrequencyClass.Low;
    }
}
