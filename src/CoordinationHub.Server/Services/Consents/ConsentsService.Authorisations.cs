using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Disclosure;
using CoordinationHub.Rpc;
using CoordinationHub.Server.Services.Cases;

namespace CoordinationHub.Server.Services.Consents;

/// <summary>Legal authorisations: recorded by judicial agencies, read like consents.</summary>
public sealed partial class ConsentsService
{
    private async Task<LegalAuthorisation> RecordLegalAuthorisationAsync(RecordLegalAuthorisationRequest request, ServerCallContext context)
    {
        var (draft, problem) = GrantRequestValidation.CheckAuthorisation(request);
        if (draft is null)
        {
            throw await calls.RefuseAsync(context, StatusCode.InvalidArgument, CaseCalls.Target(request.CaseId), problem ?? "the request is invalid.").ConfigureAwait(false);
        }

        return GrantMapping.ToAuthorisation(await RecordAsync(draft, context).ConfigureAwait(false), calls.Now());
    }

    private async Task<LegalAuthorisation> GetLegalAuthorisationAsync(GetLegalAuthorisationRequest request, ServerCallContext context)
    {
        var record = await FindAsync(request.AuthorisationId, "authorisation_id", DisclosureGrantKind.LegalAuthorisation, tracked: false, context).ConfigureAwait(false);
        await calls.CommitAsync(context, Target(record), "legal authorisation read").ConfigureAwait(false);
        return GrantMapping.ToAuthorisation(record, calls.Now());
    }

    private async Task<ListLegalAuthorisationsResponse> ListLegalAuthorisationsAsync(ListLegalAuthorisationsRequest request, ServerCallContext context)
    {
        var (page, next) = await ListAsync(request.CaseId, request.PageSize, request.PageToken, DisclosureGrantKind.LegalAuthorisation, context).ConfigureAwait(false);
        var now = calls.Now();
        return new ListLegalAuthorisationsResponse { LegalAuthorisations = { page.Select(r => GrantMapping.ToAuthorisation(r, now)) }, NextPageToken = next };
    }
}
