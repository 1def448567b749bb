using Gongkai.Data;
using Gongkai.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.UseCases.Accounts;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>The password and lockout policy of every staff account (see docs/operations.md).</summary>
    public static void ApplyPolicy(IdentityOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        o.Password.RequiredLength = 10;
        o.Password.RequireDigit = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 4;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.User.RequireUniqueEmail = false;
    }

    /// <summary>Identity's user and role stores over the Gongkai database (the web app adds sign-in on top).</summary>
    public static IdentityBuilder AddGongkaiIdentityCore(this IServiceCollection services) =>
        services.AddIdentityCore<GongkaiUser>(ApplyPolicy)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<GongkaiDbContext>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddTokenProvider<AuthenticatorTokenProvider<GongkaiUser>>(TokenOptions.DefaultAuthenticatorProvider);
}
