using System.Buffers.Text;
using System.Text;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Server;
using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Server.Security;
using CoordinationHub.Server.Trust;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using DomainStatus = CoordinationHub.Domain.Trust.AgencyStatus;

namespace CoordinationHub.Server.Services.Agencies;

/// <summary>
/// <c>coordination.v1.AgenciesService</c>: the registry of trusted agencies. Every change commits
/// together with its audit entry, every read commits its entry before it answers, and every
/// refusal is audited at once. The authentication
/// interceptor has already required the <c>agencies.admin</c> scope.
/// </summary>
public sealed class AgenciesService(HubDbContext db, IAuditTrail audit, HubCertificateAuthority authority, TimeProvider time) : IRpcService<AgenciesService>
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 500;
    private const string UniqueViolation = "23505";

    // What a listing of the registry is audited against: no single agency.
    private const string AgenciesTarget = "agencies";

    public static void BindMethods(RpcServiceBinder<AgenciesService> binder) => binder
        .AddUnary(AgenciesServiceMethods.RegisterAgency, (s, r, c) => s.RegisterAgencyAsync(r, c))
        .AddUnary(AgenciesServiceMethods.GetAgency, (s, r, c) => s.GetAgencyAsync(r, c))
        .AddUnary(AgenciesServiceMethods.ListAgencies, (s, r, c) => s.ListAgenciesAsync(r, c))
        .AddUnary(AgenciesServiceMethods.UpdateAgencyClaims, (s, r, c) => s.UpdateAgencyClaimsAsync(r, c))
        .AddUnary(AgenciesServiceMethods.SuspendAgency, (s, r, c) => s.SuspendAgencyAsync(r, c))
        .AddUnary(AgenciesServiceMethods.ReinstateAgency, (s, r, c) => s.ReinstateAgencyAsync(r, c))
        .AddUnary(AgenciesServiceMethods.RevokeAgency, (s, r, c) => s.RevokeAgencyAsync(r, c))
        .AddUnary(AgenciesServiceMethods.EnrollCertificate, (s, r, c) => s.EnrollCertificateAsync(r, c))
        .AddUnary(AgenciesServiceMethods.ListCertificates, (s, r, c) => s.ListCertificatesAsync(r, c))
        .AddUnary(AgenciesServiceMethods.RevokeCertificate, (s, r, c) => s.RevokeCertificateAsync(r, c));

    private async Task<Agency> RegisterAgencyAsync(RegisterAgencyRequest request, ServerCallContext context)
    {
        var target = Target(request.AgencyId);
        var (claims, claimsProblem) = AgencyRequestValidation.CheckClaims(request.Claims);
        var problem = AgencyRequestValidation.CheckAgencyId(request.AgencyId)
            ?? AgencyRequestValidation.CheckDisplayName(request.DisplayName)
            ?? AgencyRequestValidation.CheckKind(request.Kind)
            ?? claimsProblem;
        if (problem is not null || claims is null)
        {
            throw await RefuseAsync(context, StatusCode.InvalidArgument, target, problem ?? "claims are invalid.").ConfigureAwait(false);
        }

        if (await db.Agencies.AnyAsync(a => a.AgencyId == request.AgencyId, context.CancellationToken).ConfigureAwait(false))
        {
            throw await RefuseAsync(context, StatusCode.AlreadyExists, target, $"agency '{request.AgencyId}' is already registered.").ConfigureAwait(false);
        }

        var now = DatabaseClock.Now(time);
        var record = new AgencyRecord
        {
            AgencyId = request.AgencyId,
            DisplayName = request.DisplayName.Trim(),
            Kind = AgencyMapping.KindName(request.Kind),
            Status = DomainStatus.Active,
            Scopes = claims.Scopes,
            DataCategories = claims.DataCategories,
            Purposes = claims.Purposes,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Agencies.Add(record);
        try
        {
            await CommitAsync(context, target, $"registered ({request.Kind}; {Describe(claims)})").ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: UniqueViolation })
        {
            // Another administrator registered the same id between the check and the insert.
            db.DiscardChanges();
            throw await RefuseAsync(context, StatusCode.AlreadyExists, target, $"agency '{request.AgencyId}' is already registered.").ConfigureAwait(false);
        }

        return AgencyMapping.ToMessage(record);
    }

    private async Task<Agency> GetAgencyAsync(GetAgencyRequest request, ServerCallContext context)
    {
        var target = Target(request.AgencyId);
        await CheckIdAsync(request.AgencyId, context).ConfigureAwait(false);
        var record = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.AgencyId == request.AgencyId, context.CancellationToken).ConfigureAwait(false)
            ?? throw await RefuseAsync(context, StatusCode.NotFound, target, $"agency '{request.AgencyId}' is not registered.").ConfigureAwait(false);
        await CommitAsync(context, target, "read").ConfigureAwait(false);
        return AgencyMapping.ToMessage(record);
    }

    private async Task<ListAgenciesResponse> ListAgenciesAsync(ListAgenciesRequest request, ServerCallContext context)
    {
        var tokenValid = TryDecodePageToken(request.PageToken, out var after);
        var problem = (request.PageSize < 0 ? "page_size must not be negative." : null)
            ?? (tokenValid ? null : "page_token is not one this hub issued; start again without it.");
        if (problem is not null)
        {
            throw await RefuseAsync(context, StatusCode.InvalidArgument, AgenciesTarget, problem).ConfigureAwait(false);
        }

        var pageSize = request.PageSize == 0 ? DefaultPageSize : Math.Min(request.PageSize, MaxPageSize);
        var query = db.Agencies.AsNoTracking();
        if (AgencyMapping.StatusFilter(request.Status) is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (after is not null)
        {
            query = query.Where(a => string.Compare(a.AgencyId, after) > 0);
        }

        // One more than asked tells whether there is a next page without a count query.
        var rows = await query.OrderBy(a => a.AgencyId).Take(pageSize + 1).ToListAsync(context.CancellationToken).ConfigureAwait(false);
        var response = new ListAgenciesResponse { Agencies = { rows.Take(pageSize).Select(AgencyMapping.ToMessage) } };
        if (rows.Count > pageSize)
        {
            response.NextPageToken = EncodePageToken(rows[pageSize - 1].AgencyId);
        }

        await CommitAsync(context, AgenciesTarget, $"listed {response.Agencies.Count} agencies (status {request.Status}{(after is null ? string.Empty : $", after {after}")})").ConfigureAwait(false);
        return response;
    }

    private async Task<Agency> UpdateAgencyClaimsAsync(UpdateAgencyClaimsRequest request, ServerCallContext context)
    {
        var target = Target(request.AgencyId);
        await CheckIdAsync(request.AgencyId, context).ConfigureAwait(false);
        var (claims, problem) = AgencyRequestValidation.CheckClaims(request.Claims);
        if (claims is null)
        {
            throw await RefuseAsync(context, StatusCode.InvalidArgument, target, problem ?? "claims are invalid.").ConfigureAwait(false);
        }

        uint expectedVersion = 0;
        if (request.Etag.Length > 0 && !AgencyMapping.TryParseEtag(request.Etag, out expectedVersion))
        {
            throw await RefuseAsync(context, StatusCode.InvalidArgument, target, "etag is not one the hub issued; send the etag of the agency as last read, or none.").ConfigureAwait(false);
        }

        var record = await FindForChangeAsync(request.AgencyId, context).ConfigureAwait(false);
        if (request.Etag.Length > 0 && record.Version != expectedVersion)
        {
            throw await RefuseAsync(context, StatusCode.Aborted, target, $"agency '{request.AgencyId}' changed since etag {request.Etag} was read; read it again and retry.").ConfigureAwait(false);
        }

        if (!AgencyStatusTransitions.CanChangeClaims(record.Status))
        {
            throw await RefuseAsync(context, StatusCode.FailedPrecondition, target, $"agency '{request.AgencyId}' is revoked; its claims can no longer change.").ConfigureAwait(false);
        }

        var before = new StoredClaims(record.Scopes, record.DataCategories, record.Purposes);
        record.Scopes = claims.Scopes;
        record.DataCategories = claims.DataCategories;
        record.Purposes = claims.Purposes;
        record.UpdatedAt = DatabaseClock.Now(time);
        await CommitAsync(context, target, $"claims changed from ({Describe(before)}) to ({Describe(claims)})").ConfigureAwait(false);
        return AgencyMapping.ToMessage(record);
    }

    private Task<Agency> SuspendAgencyAsync(SuspendAgencyRequest request, ServerCallContext context) =>
        ChangeStatusAsync(request.AgencyId, request.Reason, DomainStatus.Suspended, AgencyStatusTransitions.CanSuspend, "suspended", context);

    private Task<Agency> ReinstateAgencyAsync(ReinstateAgencyRequest request, ServerCallContext context) =>
        ChangeStatusAsync(request.AgencyId, request.Reason, DomainStatus.Active, AgencyStatusTransitions.CanReinstate, "reinstated", context);

    private Task<Agency> RevokeAgencyAsync(RevokeAgencyRequest request, ServerCallContext context) =>
        ChangeStatusAsync(request.AgencyId, request.Reason, DomainStatus.Revoked, AgencyStatusTransitions.CanRevoke, "revoked", context);

    private async Task<Agency> ChangeStatusAsync(
        string agencyId, string reason, DomainStatus next, Func<DomainStatus, bool> allowed, string verb, ServerCallContext context)
    {
        var target = Target(agencyId);
        await CheckIdAsync(agencyId, context).ConfigureAwait(false);
        if (AgencyRequestValidation.CheckReason(reason, required: true) is { } problem)
        {
            throw await RefuseAsync(context, StatusCode.InvalidArgument, target, problem).ConfigureAwait(false);
        }

        var record = await FindForChangeAsync(agencyId, context).ConfigureAwait(false);
        if (!allowed(record.Status))
        {
            throw await RefuseAsync(context, StatusCode.FailedPrecondition, target, $"agency '{agencyId}' is {record.Status.ToString().ToLowerInvariant()} and cannot be {verb}.").ConfigureAwait(false);
        }

        var now = DatabaseClock.Now(time);
        record.Status = next;
        record.StatusReason = next == DomainStatus.Active ? string.Empty : reason.Trim();
        record.UpdatedAt = now;
        if (next == DomainStatus.Revoked)
        {
            // Revocation is final: the agency's certificates go with it, so none can be re-used
            // should an administrator register the same institution again under another id.
            await foreach (var certificate in db.Certificates.Where(c => c.AgencyId == agencyId && !c.Revoked).AsAsyncEnumerable().WithCancellation(context.CancellationToken).ConfigureAwait(false))
            {
                Revoke(certificate, $"agency revoked: {reason.Trim()}", now);
            }
        }

        await CommitAsync(context, target, $"{verb}: {reason.Trim()}").ConfigureAwait(false);
        return AgencyMapping.ToMessage(record);
    }

    private async Task<AgencyCertificate> EnrollCertificateAsync(EnrollCertificateRequest request, ServerCallContext context)
    {
        var target = Target(request.AgencyId);
        await CheckIdAsync(request.AgencyId, context).ConfigureAwait(false);
        if (request.ValidityDays is < 0 or > HubCertificateAuthority.MaxValidityDays)
        {
            throw await RefuseAsync(context, StatusCode.InvalidArgument, target, $"validity_days must be between 0 (the default, 365) and {HubCertificateAuthority.MaxValidityDays}.").ConfigureAwait(false);
        }

        var now = DatabaseClock.Now(time);
        CertificateToEnroll issued;
        try
        {
            issued = request.SourceCase switch
            {
                EnrollCertificateRequest.SourceOneofCase.CsrPem when !authority.CanSign =>
                    throw await RefuseAsync(context, StatusCode.FailedPrecondition, target, "this hub holds no CA key and cannot sign CSRs; enroll a certificate issued by the hub's CA instead.").ConfigureAwait(false),
                EnrollCertificateRequest.SourceOneofCase.CsrPem => CertificateToEnroll.Issued(
                    authority.Issue(HubCertificateAuthority.ParseSigningRequest(request.CsrPem), request.AgencyId, now, request.ValidityDays == 0 ? 365 : request.ValidityDays)),
                EnrollCertificateRequest.SourceOneofCase.CertificatePem => CertificateToEnroll.External(request.CertificatePem, authority, now),
                _ => throw await RefuseAsync(context, StatusCode.InvalidArgument, target, "one of csr_pem or certificate_pem is required.").ConfigureAwait(false),
            };
        }
        catch (CertificateRequestRejectedException e)
        {
            throw await RefuseAsync(context, StatusCode.InvalidArgument, target, e.Message).ConfigureAwait(false);
        }

        using (issued)
        {
            var agency = await FindForChangeAsync(request.AgencyId, context).ConfigureAwait(false);
            if (agency.Status == DomainStatus.Revoked)
            {
                throw await RefuseAsync(context, StatusCode.FailedPrecondition, target, $"agency '{request.AgencyId}' is revoked; it cannot receive certificates.").ConfigureAwait(false);
            }

            var record = issued.ToRecord(request.AgencyId, now);
            if (await db.Certificates.AnyAsync(c => c.ThumbprintSha256 == record.ThumbprintSha256, context.CancellationToken).ConfigureAwait(false))
            {
                throw await RefuseAsync(context, StatusCode.AlreadyExists, target, $"certificate {record.ThumbprintSha256} is already enrolled.").ConfigureAwait(false);
            }

            db.Certificates.Add(record);
            await CommitAsync(context, target, $"certificate {record.ThumbprintSha256} enrolled ({(issued.IsIssuedByHub ? "signed by the hub CA" : "externally issued")}, valid until {record.NotAfter:O})").ConfigureAwait(false);
            return AgencyMapping.ToMessage(record);
        }
    }

    private async Task<ListCertificatesResponse> ListCertificatesAsync(ListCertificatesRequest request, ServerCallContext context)
    {
        var target = Target(request.AgencyId);
        await CheckIdAsync(request.AgencyId, context).ConfigureAwait(false);
        if (!await db.Agencies.AnyAsync(a => a.AgencyId == request.AgencyId, context.CancellationToken).ConfigureAwait(false))
        {
            throw await RefuseAsync(context, StatusCode.NotFound, target, $"agency '{request.AgencyId}' is not registered.").ConfigureAwait(false);
        }

        var rows = await db.Certificates.AsNoTracking()
            .Where(c => c.AgencyId == request.AgencyId)
            .OrderByDescending(c => c.CreatedAt).ThenBy(c => c.ThumbprintSha256)
            .ToListAsync(context.CancellationToken).ConfigureAwait(false);
        await CommitAsync(context, target, $"listed {rows.Count} certificates").ConfigureAwait(false);
        return new ListCertificatesResponse { Certificates = { rows.Select(AgencyMapping.ToMessage) } };
    }

    private async Task<AgencyCertificate> RevokeCertificateAsync(RevokeCertificateRequest request, ServerCallContext context)
    {
        var thumbprint = request.ThumbprintSha256.ToLowerInvariant();
        var target = "certificate:" + thumbprint;
        var problem = AgencyRequestValidation.CheckThumbprint(thumbprint) ?? AgencyRequestValidation.CheckReason(request.Reason, required: true);
        if (problem is not null)
        {
            throw await RefuseAsync(context, StatusCode.InvalidArgument, target, problem).ConfigureAwait(false);
        }

        var record = await db.Certificates.SingleOrDefaultAsync(c => c.ThumbprintSha256 == thumbprint, context.CancellationToken).ConfigureAwait(false)
            ?? throw await RefuseAsync(context, StatusCode.NotFound, target, $"certificate {thumbprint} is not enrolled.").ConfigureAwait(false);
        if (record.Revoked)
        {
            throw await RefuseAsync(context, StatusCode.FailedPrecondition, target, $"certificate {thumbprint} was already revoked at {record.RevokedAt:O}.").ConfigureAwait(false);
        }

        Revoke(record, request.Reason.Trim(), DatabaseClock.Now(time));
        await CommitAsync(context, target, $"revoked (agency {record.AgencyId}): {request.Reason.Trim()}").ConfigureAwait(false);
        return AgencyMapping.ToMessage(record);
    }

    private static void Revoke(CertificateRecord certificate, string reason, DateTimeOffset now)
    {
        certificate.Revoked = true;
        certificate.RevocationReason = reason;
        certificate.RevokedAt = now;
    }

    private async Task CheckIdAsync(string agencyId, ServerCallContext context)
    {
        if (AgencyRequestValidation.CheckAgencyId(agencyId) is { } problem)
        {
            throw await RefuseAsync(context, StatusCode.InvalidArgument, Target(agencyId), problem).ConfigureAwait(false);
        }
    }

    private async Task<AgencyRecord> FindForChangeAsync(string agencyId, ServerCallContext context) =>
        await db.Agencies.SingleOrDefaultAsync(a => a.AgencyId == agencyId, context.CancellationToken).ConfigureAwait(false)
        ?? throw await RefuseAsync(context, StatusCode.NotFound, Target(agencyId), $"agency '{agencyId}' is not registered.").ConfigureAwait(false);

    /// <summary>Saves the staged change (none for a read) together with its audit entry, in one transaction.</summary>
    private async Task CommitAsync(ServerCallContext context, string target, string what)
    {
        audit.Append(context.AuditEntryFor(AuditDecision.Allowed, target, what));
        try
        {
            await db.SaveChangesAsync(context.CancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.InnerException is PostgresException { SqlState: DatabaseGuardedVersions.LostRaceSqlState })
        {
            // xmin moved under us (the database's version guard refused the update, ADR 0018):
            // another administrator (maybe on another replica) changed the agency between our read
            // and our write. Nothing of ours was stored.
            db.DiscardChanges();
            throw await RefuseAsync(context, StatusCode.Aborted, target, "the agency changed concurrently; read it again and retry.").ConfigureAwait(false);
        }
    }

    /// <summary>Audits a refusal at once (nothing staged is committed with it) and returns the exception to throw.</summary>
    private async Task<RpcException> RefuseAsync(ServerCallContext context, StatusCode code, string target, string message)
    {
        db.DiscardChanges();
        await audit.AppendNowAsync(context.AuditEntryFor(AuditDecision.Denied, target, $"{code}: {message}"), context.CancellationToken).ConfigureAwait(false);
        return new RpcException(code, message);
    }

    private static string Target(string agencyId) => "agency:" + agencyId;

    private static string Describe(StoredClaims claims) =>
        $"scopes [{string.Join(' ', claims.Scopes)}], categories [{string.Join(' ', claims.DataCategories)}], purposes [{string.Join(' ', claims.Purposes)}]";

    private static bool TryDecodePageToken(string token, out string? lastAgencyId)
    {
        lastAgencyId = null;
        if (token.Length == 0)
        {
            return true;
        }

        try
        {
            var id = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            if (AgencyId.IsValid(id))
            {
                lastAgencyId = id;
                return true;
            }
        }
        catch (FormatException)
        {
        }

        return false;
    }

    private static string EncodePageToken(string lastAgencyId) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastAgencyId));
}
