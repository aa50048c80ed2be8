namespace CoordinationHub.Server.Tokens;

/// <summary>Claim names of the hub's access tokens (RFC 9068 and RFC 8705, plus the hub's claims).</summary>
public static class TokenClaimNames
{
    public const string ClientId = "client_id";
    public const string AgencyId = "agency_id";
    public const string Scope = "scope";
    public const string DataCategories = "data_categories";
    public const string Purposes = "purposes";

    /// <summary>RFC 7800 confirmation claim; holds <see cref="CertificateThumbprintConfirmation"/>.</summary>
    public const string Confirmation = "cnf";

    /// <summary>RFC 8705: base64url SHA-256 of the DER client certificate the token is bound to.</summary>
    public const string CertificateThumbprintConfirmation = "x5t#S256";

    /// <summary>Authorized party: where some external authorities put the client id.</summary>
    public const string AuthorizedParty = "azp";

    /// <summary>RFC 9068 media type of JWT access tokens (header <c>typ</c>).</summary>
    public const string AccessTokenType = "at+jwt";
}
