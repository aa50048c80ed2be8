namespace CoordinationHub.Server.Services.Referrals;

/// <summary>Referral options and the expiry sweep; the service itself is mapped with the hub's others.</summary>
public static class ReferralsHostingExtensions
{
    public static IServiceCollection AddHubReferrals(this IServiceCollection services)
    {
        services.AddOptions<ReferralOptions>().BindConfiguration(ReferralOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<ReferralExpirySweep>();
        return services;
    }
}
