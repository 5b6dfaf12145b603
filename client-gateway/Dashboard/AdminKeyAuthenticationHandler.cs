using System.Text.Encodings.Web;
using Cluster.Gateway.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Cluster.Gateway.Dashboard;

/// <summary>Authenticates scripts that send the admin key in X-API-Key; any other key is refused, not ignored.</summary>
public sealed class AdminKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeys.Header, out var values))
            return Task.FromResult(AuthenticateResult.NoResult());
        if (!keys.IsAdmin(values.FirstOrDefault()))
            return Task.FromResult(AuthenticateResult.Fail("Not the admin key."));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(AdminPrincipal.Create(Scheme.Name), Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => DashboardChallenge.WriteUnauthorizedAsync(Context);
}
