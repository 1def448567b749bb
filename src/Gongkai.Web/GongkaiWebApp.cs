using Microsoft.AspNetCore.Authentication;
using Gongkai.Core.Common;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.Data.Configuration;
using Gongkai.UseCases;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Demo;
using Gongkai.UseCases.Platform;
using Gongkai.Web.Api;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.WebEncoders;
using Microsoft.Extensions.Options;

namespace Gongkai.Web;

/// <summary>Builds the web application; Program and the tests (which start it on a free port) share this code.</summary>
public static class GongkaiWebApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Content root and application name are fixed so that the app finds its pages and wwwroot wherever it is
        // started from: dotnet run, a published folder, or a test assembly hosting it.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(GongkaiWebApp).Assembly.GetName().Name,
        });
        configure?.Invoke(builder);

        builder.Logging.ClearProviders();
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }
        else
        {
            // Structured logs: one JSON object per line, with scopes (request id, trace id).
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        var services = builder.Services;
        services.AddGongkaiData(builder.Configuration);
        var dataDirectory = GongkaiDatabaseSettings.ResolveDataDirectory(builder.Configuration);

        // Sign-in cookies and antiforgery tokens survive restarts: the keys live in the data folder.
        services.AddDataProtection().SetApplicationName("Gongkai").PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));

        // Chinese text is written as is, not as &#x…; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddGongkaiUseCases();
        if (builder.Configuration.GetValue("Gongkai:Reminders:Enabled", true))
        {
            services.AddHostedService<DueReminderService>();
        }
        new IdentityBuilder(typeof(GongkaiUser), typeof(IdentityRole), services).AddSignInManager().AddDefaultTokenProviders();
        // Pages sign in with the Identity cookie; /api/v1 with a personal API token (never the cookie, so no CSRF).
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "Gongkai";
                o.DefaultChallengeScheme = "Gongkai";
                o.DefaultForbidScheme = "Gongkai";
            })
            .AddPolicyScheme("Gongkai", "Gongkai", o => o.ForwardDefaultSelector = c => c.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) ? ApiTokenFormat.Scheme : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenFormat.Scheme, null)
            .AddIdentityCookies();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            o.SerializerOptions.AllowOutOfOrderMetadataProperties = true;
        });
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((d, _, _) =>
        {
            d.Info = new() { Title = "Gongkai 政府信息公开平台接口", Version = "v1", Description = "依申请公开的登记和办理接口。使用个人接口令牌：Authorization: Bearer gk_…（在 后台 → 个人设置 创建）。" };
            return Task.CompletedTask;
        }));
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/Denied";
            o.Cookie.Name = "gongkai.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            o.SlidingExpiration = true;

            // A signed-in person without the right role gets a real 403 (and the Chinese 没有权限 page), not a redirect.
            o.Events.OnRedirectToAccessDenied = c =>
            {
                c.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Applicant, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.Resource is HttpContext h && h.RequestServices.GetRequiredService<ApplicantContext>().IsSignedIn))
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.Resource is HttpContext h && h.RequestServices.GetRequiredService<StaffContext>().Roles.Count > 0))
            .AddPolicy(Policies.SystemAdministrator, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.Resource is HttpContext h && h.RequestServices.GetRequiredService<StaffContext>().IsInRole(Roles.SystemAdministrator)))
            .AddPolicy(Policies.Supervisor, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.Resource is HttpContext h && (h.RequestServices.GetRequiredService<StaffContext>().IsInRole(Roles.SystemAdministrator) || h.RequestServices.GetRequiredService<StaffContext>().IsInRole(Roles.DisclosureOffice))))
            .AddPolicy(Policies.CaseHandler, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.Resource is HttpContext h && Policies.CaseHandlerRoles.Any(h.RequestServices.GetRequiredService<StaffContext>().IsInRole)))
            .AddPolicy(Policies.CaseWorker, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.Resource is HttpContext h && Gongkai.UseCases.Cases.GetMailingList.AllowedRoles.Any(h.RequestServices.GetRequiredService<StaffContext>().IsInRole)))
            .AddPolicy(Policies.RegisterImporter, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.Resource is HttpContext h && Gongkai.UseCases.Cases.ImportCaseRegister.AllowedRoles.Any(h.RequestServices.GetRequiredService<StaffContext>().IsInRole)))
            .AddPolicy(Policies.ReviewHandler, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.Resource is HttpContext h && Policies.ReviewHandlerRoles.Any(h.RequestServices.GetRequiredService<StaffContext>().IsInRole)))
            .AddPolicy(Policies.RegisterKeeper, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.Resource is HttpContext h && Gongkai.UseCases.Publishing.NormativeDocumentRegisterRules.Roles.Any(h.RequestServices.GetRequiredService<StaffContext>().IsInRole)))
            .AddPolicy(Policies.ReportUser, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.Resource is HttpContext h && Policies.ReportUserRoles.Any(h.RequestServices.GetRequiredService<StaffContext>().IsInRole)))
            .AddPolicy(Policies.SiteErrorHandler, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.Resource is HttpContext h && Policies.HandlesSiteErrors(h)))
            .AddPolicy(Policies.CatalogueUser, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.Resource is HttpContext h && Gongkai.UseCases.Publishing.CatalogueRules.StaffRoles.Any(h.RequestServices.GetRequiredService<StaffContext>().IsInRole)));
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "gongkai.csrf";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddRazorPages(o =>
        {
            // Defence in depth: the whole back office needs a staff member; each page also declares its own policy.
            o.Conventions.AuthorizeFolder("/Admin", Policies.Staff);
            o.Conventions.AddPageRoute("/Admin/Catalogue/Edit", "Admin/Catalogue/New");
            o.Conventions.AddPageRoute("/Xinxi/Item", "Xinxi/{id:int}/v/{revision:int}");
            // A record that does not exist (or is out of reach) is the 404 page, whichever handler looked it up.
            o.Conventions.ConfigureFilter(new NotFoundPageFilter());
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddSingleton<SiteState>();
        services.Configure<AbuseOptions>(builder.Configuration.GetSection(AbuseOptions.SectionName));
        services.AddSingleton<HumanCheck>();
        services.AddSingleton<TargetThrottle>();
        services.AddGongkaiRateLimits();
        services.Configure<SiteOptions>(builder.Configuration.GetSection(SiteOptions.SectionName));
        services.AddOptions<PortalOptions>().Bind(builder.Configuration.GetSection(PortalOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PortalOptions>, PortalOptionsValidator>();
        services.AddPortalCache(builder.Configuration);

        // Behind a reverse proxy that terminates HTTPS (the usual deployment), trust its X-Forwarded-* headers when
        // Gongkai:Https:TrustForwardedHeaders is set; Gongkai:Https:Redirect sends plain HTTP to HTTPS.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
        });

        var app = builder.Build();
        if (builder.Configuration.GetValue<bool>("Gongkai:Https:TrustForwardedHeaders"))
        {
            app.UseForwardedHeaders();
        }

        if (builder.Configuration.GetValue<bool>("Gongkai:Https:Redirect"))
        {
            app.UseHttpsRedirection();
        }

        // API clients get ProblemDetails (JSON); people get the Chinese error pages.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages =>
        {
            pages.UseExceptionHandler("/Error");
            pages.UseStatusCodePagesWithReExecute("/StatusCode", "?code={0}");
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<StaffMiddleware>();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseOutputCache();
        app.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { ResponseWriter = DatabaseHealthCheck.WriteJsonAsync }).AllowAnonymous();
        app.MapRazorPages();
        Pages.Baogao.ReportStylesheet.MapReportStylesheet(app);
        app.MapPublicFeeds();
        app.MapGroup("/api/v1").RequireRateLimiting(RateLimits.PublicApi).MapCalendarApi();
        app.MapGroup("/api/v1").MapApplicationsApi();
        app.MapOpenApi("/api/{documentName}/openapi.json").AllowAnonymous();
        app.Lifetime.ApplicationStarted.Register(() => PrintWelcome(app));
        return app;
    }

    /// <summary>Applies migrations (when configured) and loads the demo data into an empty database (when enabled).</summary>
    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<GongkaiOptions>>().Value;
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Gongkai.Startup");
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<StaffContext>().SetOperator(Gongkai.Data.Audit.AuditContext.SystemActor);
        if (options.Database.MigrateOnStartup)
        {
            await scope.ServiceProvider.GetRequiredService<MigrateDatabase>().ExecuteAsync();
        }

        if (options.Demo.Enabled)
        {
            try
            {
                var outcome = await scope.ServiceProvider.GetRequiredService<LoadDemoData>().ExecuteAsync();
                log.LogInformation("Demo data: {Outcome}", outcome);
            }
            catch (DomainException ex) when (ex.Code == LoadDemoData.RealRecordsCode)
            {
                log.LogWarning("Demo data not loaded: the database holds real records");
            }
        }
    }

    private static void PrintWelcome(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var settings = app.Services.GetRequiredService<GongkaiDatabaseSettings>();
        var demo = app.Services.GetRequiredService<SiteState>().IsDemoAsync().GetAwaiter().GetResult();
        var lines = new List<string> { string.Empty, "公开 Gongkai 已启动", $"  数据库：{settings.Describe()}" };
        lines.AddRange(addresses.Select(a => $"  门户网站：{a}/    后台管理：{a}/Admin"));
        if (demo)
        {
            lines.Add("  演示数据已载入。演示账号（密码均为 " + DemoAccounts.Password + "）：");
            lines.AddRange(DemoAccounts.All.Select(a => $"    {a.UserName,-8} {a.DisplayName}（{DemoAccounts.RoleNames(a)}：{string.Join("、", a.Agencies)}）"));
        }

        lines.Add("  按 Ctrl+C 停止。");
        lines.Add(string.Empty);
        Console.Out.Write(string.Join(Environment.NewLine, lines) + Environment.NewLine);
    }
}
