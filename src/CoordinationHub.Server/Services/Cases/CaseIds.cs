using System.Globalization;
using System.Text.RegularExpressions;
using CoordinationHub.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Services.Cases;

/// <summary>Hub case ids, <c>MP-YYYY-NNNNNN</c>: the year the case was opened and a number from one database sequence.</summary>
internal static partial class CaseIds
{
    /// <summary>
    /// A fresh id. The sequence is shared by all replicas and never reused, so two replicas never
    /// hand out the same number; a rolled-back report leaves a gap, which is harmless.
    /// </summary>
    public static async Task<string> AllocateAsync(HubDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var number = await db.Database.SqlQuery<long>($"SELECT nextval('cases.case_numbers') AS \"Value\"").SingleAsync(cancellationToken).ConfigureAwait(false);
        return string.Create(CultureInfo.InvariantCulture, $"MP-{now.Year:D4}-{number:D6}");
    }

    public static bool IsWellFormed(string caseId) => caseId.Length <= 20 && Pattern().IsMatch(caseId);

    [GeneratedRegex("^MP-[0-9]{4}-[0-9]{6,12}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
