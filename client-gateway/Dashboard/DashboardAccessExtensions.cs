using Cluster.Gateway.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Orleans.Dashboard;

namespace Cluster.Gateway.Dashboard;

/// <summary>
/// Puts the Orleans Dashboard, which has no authentication of its own, behind the admin key: a sign-in page that
/// sets a cookie for people, the X-API-Key header for scripts. The cookie holds a data-protected ticket, never the
/// key. Needs <see cref="ApiKeys"/> in the container and the dashboard's services from AddDashboard() on the
/// co-hosted silo or on the Orleans client.
/// </summary>
public static class DashboardAccessExtensions
{
    public static IServiceCollection AddDashboardAccess(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddPolicyScheme(DashboardSchemes.Either, null, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeys.Header) ? DashboardSchemes.AdminKey : DashboardSchemes.Cookie)
            .AddScheme<AuthenticationSchemeOptions, AdminKeyAuthenticationHandler>(DashboardSchemes.AdminKey, null)
            .AddCookie(DashboardSchemes.Cookie, o =>
            {
                o.Cookie.Name = "cluster-dashboard";
                o.Cookie.Path = DashboardRoutes.Prefix;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                // The gateway serves plain HTTP on loopback by default; behind TLS the cookie is Secure.
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // LoginPath stays unset: challenges are answered below, and at the LoginPath the handler would also send a
                // fresh sign-in on to whatever ReturnUrl the query names.
                o.Events.OnRedirectToLogin = c => DashboardChallenge.WriteAsync(c.HttpContext);
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(DashboardSchemes.AdminPolicy, p => p.AddAuthenticationSchemes(DashboardSchemes.Either).RequireAuthenticatedUser());
        return services;
    }

    /// <summary>
    /// Maps the sign-in page and the dashboard under /dashboard. WebApplication adds the authentication and
    /// authorization middleware itself once AddDashboardAccess has registered their services.
    /// </summary>
    public static RouteGroupBuilder MapAdminDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSignInEndpoints();
        var dashboard = endpoints.MapOrleansDashboard(DashboardRoutes.Prefix);
        // Paths the dashboard does not serve need the key too, so nothing under the prefix answers anonymous callers.
        dashboard.Map("/{**rest}", () => Results.NotFound());
        dashboard.RequireAuthorization(DashboardSchemes.AdminPolicy);
        return dashboard;
    }
}
