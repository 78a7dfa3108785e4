using Grid.Gateway.Apis.Accounts;
using Grid.Gateway.Apis.Audit;
using Grid.Gateway.Apis.Boundaries;
using Grid.Gateway.Apis.Bundles;
using Grid.Gateway.Apis.Catalog;
using Grid.Gateway.Apis.Deadlines;
using Grid.Gateway.Apis.Delegation;
using Grid.Gateway.Apis.Dispatch;
using Grid.Gateway.Apis.Entitlements;
using Grid.Gateway.Apis.Evaluations;
using Grid.Gateway.Apis.Geography;
using Grid.Gateway.Apis.Hotline;
using Grid.Gateway.Apis.People;
using Grid.Gateway.Apis.Regions;
using Grid.Gateway.Apis.Rosters;
using Grid.Grains.People;
using Grid.Gateway.Hosting;
using Grid.Gateway.Security;
using Grid.Gateway.Security.Access;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = Grid.Grains.Common.HostContentRoot.Resolve() });
var options = builder.Configuration.GetSection("Grid").Get<GridOptions>() ?? new GridOptions();
builder.AddGridLogging(options);
builder.AddGridOrleans(options);
builder.AddGridTelemetry(options);
builder.AddGridAuth(options);
builder.AddGridApi();
builder.AddGridEvaluations();
builder.AddGridHotlineApi();
builder.AddGridHealth();
builder.AddGridSecurityHeaders(options);
builder.Services.AddGridPlanning(options.Planning);
builder.Services.AddGridAuditLog();

builder.WebHost.UseStaticWebAssets(); // the portal's files when run from a build rather than a publish

var app = builder.Build();
app.UseGridSecurityHeaders(options); // first: every answer carries them, and a proxy's scheme is known to all below
app.UseGridRequestLogging(); // outside the exception handler, so it logs the status the client got
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseGridRateLimits(); // before the static files and endpoints it guards; keyed by path and client address
app.UseBlazorFrameworkFiles();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/docs").AllowAnonymous();
app.MapGridHealth();
app.MapGridMetrics();
app.MapAuthApi();
app.MapRegionsApi();
app.MapAccountsApi();
app.MapDeadlinesApi();
app.MapLocateApi();
app.MapResidentsApi();
app.MapResidentImportApi();
app.MapWorkersApi();
app.MapRostersApi();
app.MapAuditApi();
app.MapBoundaryChangesApi();
app.MapDispatchApi();
app.MapCatalogApi();
app.MapDelegationListApi();
app.MapEntitlementsApi();
app.MapBundlesApi();
app.MapEvaluationApis();
app.MapHotlineApis();
app.MapClusterApi();
app.MapDashboardApi();
app.MapGridFallbacks();
AnonymousRoutes.Verify(app); // a route open to strangers must be listed there

app.Run();

public partial class Program;
