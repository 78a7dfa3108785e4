namespace Grid.Portal.Services;

/// <summary>The string table: key → (简体中文, English).</summary>
public static partial class Texts
{
    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> All = Build();

    private static Dictionary<string, (string, string)> Build()
    {
        var all = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var part in new[] { Common(), Worker(), Center(), Coordinator(), Public(), Hotline(), HotlineBoards() })
            foreach (var (k, v) in part) all[k] = v;
        return all;
    }

    private static Dictionary<string, (string, string)> Common() => new()
    {
        ["app"] = ("Grid 网格化服务", "Grid services"),
        ["lang.switch"] = ("English", "中文"),
        ["loading"] = ("正在加载…", "Loading…"),
        ["loading.step"] = ("正在加载 {0}/{1}…", "Loading {0}/{1}…"),
        ["saving"] = ("正在保存…", "Saving…"),
        ["signin"] = ("登录", "Sign in"),
        ["signout"] = ("退出", "Sign out"),
        ["signin.user"] = ("用户名", "User name"),
        ["signin.password"] = ("密码", "Password"),
        ["signin.busy"] = ("正在登录…", "Signing in…"),
        ["signin.demo"] = ("演示账号：worker 网格员、center 党群服务中心、coordinator 区县协调员。", "Demo accounts: worker, center, coordinator."),
        ["nav.home"] = ("首页", "Home"),
        ["nav.regions"] = ("区划", "Regions"),
        ["nav.catalog"] = ("服务事项", "Services"),
        ["nav.mytasks"] = ("我的任务", "My tasks"),
        ["nav.myresidents"] = ("我的居民", "My residents"),
        ["nav.roster"] = ("代办员名单", "Roster"),
        ["nav.hall"] = ("大厅屏", "Hall display"),
        ["nav.map"] = ("工作量地图", "Workload map"),
        ["nav.overdue"] = ("逾期", "Overdue"),
        ["nav.rebalance"] = ("调配建议", "Rebalancing"),
        ["nav.dayplan"] = ("日计划", "Day plan"),
        ["role.Worker"] = ("网格员", "Grid worker"),
        ["role.CenterStaff"] = ("党群服务中心", "Community center"),
        ["role.Coordinator"] = ("协调员", "Coordinator"),
        ["role.Resident"] = ("居民", "Resident"),
        ["role.Department"] = ("职能部门", "Department"),
        ["role.DataBureau"] = ("政数局", "Data bureau"),
        ["role.Admin"] = ("管理员", "Administrator"),
        ["err.offline"] = ("无法连接服务器，请检查网络后重试。", "The server cannot be reached; check the connection and try again."),
        ["err.401"] = ("登录已过期，请重新登录。", "Your sign-in has expired; sign in again."),
        ["err.403"] = ("无权执行此操作。", "You may not do this."),
        ["offline.banner"] = ("离线：显示的是缓存数据，操作将在联网后发送。", "Offline: showing saved data; actions are sent when the connection returns."),
        ["pending"] = ("{0} 项操作待发送", "{0} actions waiting to be sent"),
        ["retry"] = ("重试", "Retry"),
        ["save"] = ("保存", "Save"),
        ["cancel"] = ("取消", "Cancel"),
        ["back"] = ("返回", "Back"),
        ["none"] = ("暂无", "None"),
        ["meters"] = ("{0} 米", "{0} m"),
        ["km"] = ("{0} 公里", "{0} km"),
        ["home.title"] = ("网格化服务与帮办代办", "Grid services and assisted agency"),
        ["home.intro"] = ("查询服务事项和办事指南，或登录处理帮办代办任务。", "Find service items and guides, or sign in to handle assisted-agency tasks."),
        ["regions.title"] = ("{0} 行政区划", "{0}: administrative divisions"),
        ["regions.source"] = ("区划代码与名称：国家统计局（2023）。边界为合成数据，非官方边界。", "Codes and names: National Bureau of Statistics (2023). Boundaries are synthetic, not official."),
        ["regions.up"] = ("↑ 上一级", "↑ Up"),
        ["col.code"] = ("代码", "Code"),
        ["col.name"] = ("名称", "Name"),
        ["col.children"] = ("下级", "Children"),
        ["notallowed"] = ("此页面仅供以下角色使用，请登录：", "This page is for these roles; sign in:"),
        ["notfound"] = ("未找到", "Not found"),
        ["notfound.text"] = ("您要找的页面不存在。", "The page you are looking for does not exist."),
    };
}
