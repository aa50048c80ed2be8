using CoordinationHub.Rpc.Server;
using CoordinationHub.Server.Security;
using CoordinationHub.Server.Tokens;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoordinationHub.Server.Hosting;

/// <summary>
/// Agency authentication: certificate-to-agency resolution, the built-in token issuer and its
/// discovery endpoints, JwtBearer validation, and the interceptor that guards every gRPC call.
/// </summary>
public static class AuthenticationHostingExtensions
{
    public static IServiceCollection AddHubAuthentication(this IServiceCollection services)
    {
        services.AddOptions<HubTokenOptions>().BindConfiguration(HubTokenOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddSingleton<AgencyDirectory>();
        services.AddSingleton<AgencyAdmission>();
        services.AddSingleton<ValidatedTokenCache>();
        services.AddSingleton<SigningKeyStore>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddScoped<TokenEndpoint>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerOptionsSetup>();
        services.AddRpcInterceptor<AgencyAuthenticationInterceptor>();
        return services;
    }

    /// <summary>
    /// JwtBearer ahead of the endpoints, and the token and discovery endpoints unless an external
    /// authority issues the tokens.
    /// </summary>
    public static WebApplication MapHubTokenEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        if (app.Services.GetRequiredService<IOptions<HubTokenOptions>>().Value.UsesBuiltInIssuer)
        {
            app.MapPost(TokenEndpoint.Path, (HttpContext http) => http.RequestServices.GetRequiredService<TokenEndpoint>().HandleAsync(http));
            app.MapGet(DiscoveryEndpoints.ConfigurationPath, DiscoveryEndpoints.WriteConfigurationAsync);
            app.MapGet(DiscoveryEndpoints.KeysPath, DiscoveryEndpoints.WriteKeysAsync);
        }

        return app;
    }
}
