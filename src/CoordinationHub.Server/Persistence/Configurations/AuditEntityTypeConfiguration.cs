using CoordinationHub.Server.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoordinationHub.Server.Persistence.Configurations;

internal sealed class AuditEntityTypeConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> builder)
    {
        builder.ToTable("entries", "audit");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(e => e.Chain).HasColumnName("chain");

        // Sent as they are: sealed by the hub on the chains its replica owns, or seq 0 on a
        // database-sealed lane, which the trigger audit.seal_entry overwrites with the lane's next
        // position (migration AuditSealedOnOwnedChains, docs/adr/0021). Nothing is read back.
        builder.Property(e => e.Seq).HasColumnName("seq");
        builder.Property(e => e.PrevHash).HasColumnName("prev_hash");
        builder.Property(e => e.Hash).HasColumnName("hash");
        builder.Property(e => e.OccurredAt).HasColumnName("occurred_at");
        builder.Property(e => e.AgencyId).HasColumnName("agency_id").HasMaxLength(63);
        builder.Property(e => e.CertificateThumbprint).HasColumnName("certificate_thumbprint").HasMaxLength(64);
        builder.Property(e => e.Officer).HasColumnName("officer").HasMaxLength(200);
        builder.Property(e => e.Method).HasColumnName("method").HasMaxLength(200);
        builder.Property(e => e.Target).HasColumnName("target").HasMaxLength(200);
        builder.Property(e => e.CaseId).HasColumnName("case_id").HasMaxLength(64);
        builder.Property(e => e.Purpose).HasColumnName("purpose").HasMaxLength(40);
        builder.Property(e => e.Decision).HasColumnName("decision").HasMaxLength(10);
        builder.Property(e => e.Basis).HasColumnName("basis").HasMaxLength(500);
        builder.Property(e => e.Reason).HasColumnName("reason").HasMaxLength(1000);
        builder.Property(e => e.CategoriesDisclosed).HasColumnName("categories_disclosed");
        builder.Property(e => e.CategoriesWithheld).HasColumnName("categories_withheld");
        builder.Property(e => e.RequestId).HasColumnName("request_id").HasMaxLength(100);
        builder.Property(e => e.CallId).HasColumnName("call_id").HasMaxLength(100);

        // The chain's integrity in the database too: two appends can never take the same position,
        // so a sealing bug shows up as a failed commit rather than a forked chain.
        builder.HasIndex(e => new { e.Chain, e.Seq }).IsUnique();

        // The auditors' paged query (AuditService.QueryEntries) filters by agency, case or officer
        // and pages by id, newest first. Keyed by id, each filter is one ordered index scan however
        // old the matching entries are; keyed by time, the planner walked the whole primary key
        // back to them (a revoked agency's entries: 350 ms at 3 million entries, linear in the
        // log). Time ranges keep their own index.
        builder.HasIndex(e => new { e.AgencyId, e.Id });
        builder.HasIndex(e => new { e.CaseId, e.Id });
        builder.HasIndex(e => new { e.Officer, e.Id });
        builder.HasIndex(e => e.OccurredAt);
    }
}
