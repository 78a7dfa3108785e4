namespace Grid.Portal.Services;

public static partial class Texts
{
    private static Dictionary<string, (string, string)> Center() => new()
    {
        ["roster.title"] = ("帮办代办人员名单", "Assisted-agency roster"),
        ["roster.draft"] = ("草稿（第 {0} 次修改）", "Draft (revision {0})"),
        ["roster.published"] = ("当前公布：第 {0} 版，{1}", "Published: version {0}, {1}"),
        ["roster.notPublished"] = ("尚未公布名单。", "No roster published yet."),
        ["roster.person"] = ("姓名", "Name"),
        ["roster.role"] = ("身份", "Role"),
        ["roster.phone"] = ("联系电话", "Phone"),
        ["roster.scope"] = ("服务范围", "Service scope"),
        ["roster.hours"] = ("服务时间", "Hours"),
        ["roster.add"] = ("+ 添加人员", "+ Add a person"),
        ["roster.saveDraft"] = ("保存草稿", "Save draft"),
        ["roster.publish"] = ("公布", "Publish"),
        ["roster.saved"] = ("草稿已保存。", "Draft saved."),
        ["roster.publishedNow"] = ("已公布第 {0} 版。", "Version {0} published."),
        ["roster.stale"] = ("名单已被他人修改，已重新载入，请再次修改。", "Someone else changed the roster; it has been reloaded, apply your change again."),
        ["roster.hallLink"] = ("打开大厅屏", "Open the hall display"),
        ["hall.roster"] = ("帮办代办人员", "Assisted-agency staff"),
        ["hall.delegated"] = ("本级可办事项", "Services handled here"),
        ["hall.satisfaction"] = ("群众满意度（按月）", "Satisfaction by month"),
        ["hall.month"] = ("月份", "Month"),
        ["hall.evaluations"] = ("评价数", "Ratings"),
        ["hall.rate"] = ("满意率", "Satisfied"),
        ["hall.bad"] = ("差评率", "Bad reviews"),
        ["hall.onTime"] = ("按期整改率", "Fixed on time"),
        ["hall.updated"] = ("更新于 {0}，每 {1} 秒自动刷新", "Updated {0}; refreshes every {1} s"),
        ["hall.version"] = ("第 {0} 版 · {1} 公布", "Version {0}, published {1}"),
    };
}
