using CoordinationHub.Server.Persistence.Records.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoordinationHub.Server.Persistence.Configurations.Cases;

internal sealed class CaseReportEntityTypeConfiguration : IEntityTypeConfiguration<CaseReportRecord>
{
    public void Configure(EntityTypeBuilder<CaseReportRecord> builder)
    {
        builder.ToTable("reports", CaseSchema.Name);
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(r => r.CaseId).HasColumnName("case_id").HasMaxLength(20);
        builder.Property(r => r.OriginalCaseId).HasColumnName("original_case_id").HasMaxLength(20);
        builder.Property(r => r.AgencyId).HasColumnName("agency_id").HasMaxLength(63);
        builder.Property(r => r.LocalReference).HasColumnName("local_reference").HasMaxLength(100);
        builder.Property(r => r.ReportedAt).HasColumnName("reported_at");
        builder.Property(r => r.RequestId).HasColumnName("request_id").HasMaxLength(100);
        builder.Property(r => r.RequestHash).HasColumnName("request_hash").HasMaxLength(64);
        builder.Property(r => r.CreatedCase).HasColumnName("created_case");

        // Idempotency: one report per agency and key, enforced by the database across replicas.
        builder.HasIndex(r => new { r.AgencyId, r.RequestId }).IsUnique();
        builder.HasIndex(r => new { r.AgencyId, r.CaseId });
    }
}
