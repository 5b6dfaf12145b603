using Cluster.Gateway.Security;

namespace Cluster.Gateway.Dashboard;

/// <summary>What an unauthenticated dashboard request gets: people are sent to sign in, everything else a 401 problem.</summary>
public static class DashboardChallenge
{
    public static Task WriteAsync(HttpContext context)
    {
        if (BrowserNavigation.Is(context.Request))
        {
            context.Response.Redirect(context.Request.PathBase + DashboardRoutes.SignIn);
            return Task.CompletedTask;
        }
        return WriteUnauthorizedAsync(context);
    }

    public static Task WriteUnauthorizedAsync(HttpContext context) =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Admin key required",
                detail: $"Sign in at {DashboardRoutes.SignIn} or send the admin key in the {ApiKeys.Header} header.")
            .ExecuteAsync(context);
}
