using Grid.Portal;
using Grid.Portal.Services;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.RootComponents.Add<HeadOutlet>("head::after");

builder.Services.AddScoped(_ => new HttpClient { BaseAddress = new Uri(builder.HostEnvironment.BaseAddress) });
builder.Services.AddScoped<Session>();
builder.Services.AddScoped<Strings>();
builder.Services.AddScoped<ApiClient>();
builder.Services.AddScoped<LocalStore>();
builder.Services.AddScoped<Browser>();
builder.Services.AddScoped<TaskStore>();
builder.Services.AddScoped<LiveNotices>();
builder.Services.AddScoped<PushSetup>();
builder.Services.AddScoped<HotlineDirectory>();

var host = builder.Build();
await host.Services.GetRequiredService<Session>().LoadAsync();
await host.Services.GetRequiredService<Strings>().LoadAsync();
await host.Services.GetRequiredService<Browser>().StartAsync();
await host.Services.GetRequiredService<TaskStore>().StartAsync();
_ = Background.KeepUpAsync(host.Services);
await host.RunAsync();
