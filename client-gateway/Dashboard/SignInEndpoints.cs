using Cluster.Gateway.Security;
using Microsoft.AspNetCore.Authentication;

namespace Cluster.Gateway.Dashboard;

/// <summary>
/// Exchanges the admin key typed into the sign-in page for a data-protected cookie, and drops it again. Browser pages,
/// like the dashboard they guard, so the API document leaves them out.
/// </summary>
public static class SignInEndpoints
{
    public static void MapSignInEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(DashboardRoutes.SignIn, async (HttpContext context) =>
        {
            var current = await context.AuthenticateAsync(DashboardSchemes.Cookie);
            return current.Succeeded ? SignInPage.SignedIn(context) : SignInPage.Form(context);
        }).ExcludeFromDescription();

        endpoints.MapPost(DashboardRoutes.SignIn, async (HttpContext context, ApiKeys keys) =>
        {
            // Read by hand rather than bound, so the endpoint takes no part in form binding's antiforgery rules:
            // the SameSite=Strict cookie already keeps other sites from acting with it.
            var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
            if (!keys.IsAdmin(form?["key"].FirstOrDefault()))
                return SignInPage.Form(context, "That is not the admin key.", StatusCodes.Status401Unauthorized);
            await context.SignInAsync(DashboardSchemes.Cookie, AdminPrincipal.Create(DashboardSchemes.Cookie));
            return Results.Redirect(context.Request.PathBase + DashboardRoutes.Home);
        }).ExcludeFromDescription();

        endpoints.MapPost(DashboardRoutes.SignOut, async (HttpContext context) =>
        {
            await context.SignOutAsync(DashboardSchemes.Cookie);
            return Results.Redirect(context.Request.PathBase + DashboardRoutes.SignIn);
        }).ExcludeFromDescription();
    }
}
