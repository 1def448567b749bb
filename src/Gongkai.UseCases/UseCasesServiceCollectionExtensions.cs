using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Calendar;
using Gongkai.UseCases.Demo;
using Gongkai.UseCases.Platform;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gongkai.UseCases;

public static class UseCasesServiceCollectionExtensions
{
    /// <summary>Registers every use case (scoped, like the DbContext), the calendar cache and the clock.</summary>
    public static IServiceCollection AddGongkaiUseCases(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AgencyClock>();
        services.AddSingleton<CalendarProvider>();
        services.AddScoped<StaffContext>();
        services.AddScoped<ApplicantContext>();
        services.TryAddSingleton<Notifications.IMailSender, Notifications.SmtpMailSender>();
        services.AddScoped<Cases.ApplicationIntake>();
        services.AddScoped<Cases.CaseHistory>();
        services.AddScoped<Demo.DemoCases>();
        services.AddScoped<Demo.DemoReports>();
        services.AddScoped<Demo.DemoCatalogue>();
        services.AddScoped<Publishing.CatalogueSearchIndexer>();
        services.AddScoped<Reports.ReportStore>();
        services.AddScoped<Reports.ReportComputation>();
        services.AddScoped<Reports.ReportDocuments>();
        services.AddOptions<Publishing.LinkCheckerOptions>().BindConfiguration("Gongkai:LinkCheck");
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Publishing.LinkCheckerOptions>>().Value;
            return new Publishing.LinkChecker(new HttpClient(Publishing.LinkChecker.CreateHandler(options.AllowPrivateAddresses)), options);
        });
        services.AddScoped<Letters.LetterComposer>();
        services.AddScoped<Letters.LetterFiles>();
        services.AddOptions<Documents.PdfOptions>().BindConfiguration("Gongkai:Pdf");
        services.TryAddSingleton(sp => new Documents.ChromiumPdfRenderer(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Documents.PdfOptions>>().Value));
        services.AddGongkaiIdentityCore();
        foreach (var type in typeof(UseCasesServiceCollectionExtensions).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && t.GetMethods().Any(m => m.Name == "ExecuteAsync" && m.DeclaringType == t)))
        {
            services.TryAddScoped(type);
        }

        return services;
    }
}
