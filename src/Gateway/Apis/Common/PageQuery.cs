using Grid.Contracts;
using Grid.Grains.Common;

namespace Grid.Gateway.Apis.Common;

/// <summary>
/// The one paging of the API, bound with [AsParameters]: ?pageIndex (from 0) and ?pageSize
/// (1–<see cref="MaxPageSize"/>, default 20); answers are a <see cref="Page{T}"/>. A list whose client
/// needs a whole day at once (a worker's tasks) may allow a larger page through <c>maxPageSize</c>.
/// </summary>
public sealed record PageQuery(int PageIndex = 0, int PageSize = PageQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>This query, or a 400 naming each bad parameter.</summary>
    public PageQuery Checked(int maxPageSize = MaxPageSize)
    {
        var errors = Errors(maxPageSize);
        return errors.Count > 0 ? throw new ValidationException(errors) : this;
    }

    /// <summary>What is wrong with this query, for handlers that gather errors before answering.</summary>
    public Dictionary<string, string[]> Errors(int maxPageSize = MaxPageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (PageIndex < 0) errors["pageIndex"] = ["pageIndex counts from 0."];
        if (PageSize < 1 || PageSize > maxPageSize) errors["pageSize"] = [$"Use a page size of 1–{maxPageSize}."];
        return errors;
    }

    public Page<T> Of<T>(IReadOnlyCollection<T> all) => new(all.Skip(PageIndex * PageSize).Take(PageSize).ToList(), PageIndex, PageSize, all.Count);
}
