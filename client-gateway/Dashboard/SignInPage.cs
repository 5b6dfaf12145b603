using System.Text;
using System.Text.Encodings.Web;

namespace Cluster.Gateway.Dashboard;

/// <summary>The one page the dashboard serves without the admin key: a form that asks for it.</summary>
public static class SignInPage
{
    public static IResult Form(HttpContext context, string? error = null, int status = StatusCodes.Status200OK)
    {
        var message = error is null ? "" : $"""<p class="error" role="alert">{HtmlEncoder.Default.Encode(error)}</p>""";
        return Page(context, status, $"""
            <h1>Cluster dashboard</h1>
            {message}
            <form method="post" action="{Path(context, DashboardRoutes.SignIn)}">
              <label for="key">Admin key</label>
              <input id="key" name="key" type="password" autocomplete="current-password" required autofocus>
              <button type="submit">Sign in</button>
            </form>
            """);
    }

    public static IResult SignedIn(HttpContext context) => Page(context, StatusCodes.Status200OK, $"""
        <h1>Cluster dashboard</h1>
        <p>You are signed in. <a href="{Path(context, DashboardRoutes.Home)}">Open the dashboard</a></p>
        <form method="post" action="{Path(context, DashboardRoutes.SignOut)}">
          <button type="submit">Sign out</button>
        </form>
        """);

    private static IResult Page(HttpContext context, int status, string body)
    {
        // The page takes a secret: it is never cached, framed, or allowed to post it anywhere but here.
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentSecurityPolicy =
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Sign in · Cluster dashboard</title>
            <style>
              body { font-family: system-ui, sans-serif; max-width: 22rem; margin: 4rem auto; padding: 0 1rem; }
              label, input, button { display: block; width: 100%; box-sizing: border-box; }
              input, button { margin-top: .4rem; padding: .5rem; font-size: 1rem; }
              button { margin-top: 1rem; }
              .error { color: #b00020; }
            </style>
            </head>
            <body>
            {{body}}
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    private static string Path(HttpContext context, string route) => HtmlEncoder.Default.Encode(context.Request.PathBase + route);
}
