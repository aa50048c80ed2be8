using System.ComponentModel.DataAnnotations;

namespace CoordinationHub.Server.Tokens;

/// <summary>Access tokens (section <c>Hub:Tokens</c>): the built-in issuer, or an external OIDC authority.</summary>
public sealed class HubTokenOptions
{
    public const string Section = "Hub:Tokens";

    /// <summary>
    /// The <c>iss</c> of tokens the built-in issuer signs, and the base of its discovery document.
    /// Every replica must be configured with the same value.
    /// </summary>
    [Required]
    [Url]
    public string Issuer { get; set; } = "https://localhost:7443";

    /// <summary>The <c>aud</c> every token must carry.</summary>
    [Required]
    public string Audience { get; set; } = "coordination-hub";

    /// <summary>How long an issued token is valid. Short, because a token outlives no suspension anyway but does outlive a stolen key's discovery.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a signing key signs before a new one takes over.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan KeyRotationInterval { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Tolerated clock difference between the hub's replicas and other verifiers.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// An external OIDC authority (its issuer URL) whose tokens the hub accepts instead of its own;
    /// the built-in token and discovery endpoints are then not served. Null: the hub issues tokens.
    /// </summary>
    [Url]
    public string? Authority { get; set; }

    /// <summary>True when the hub issues its own tokens.</summary>
    public bool UsesBuiltInIssuer => string.IsNullOrEmpty(Authority);
}
