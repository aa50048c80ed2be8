using CoordinationHub.Server.Persistence.Records.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoordinationHub.Server.Persistence.Configurations.Cases;

internal sealed class DisclosureGrantEntityTypeConfiguration : IEntityTypeConfiguration<DisclosureGrantRecord>
{
    public void Configure(EntityTypeBuilder<DisclosureGrantRecord> builder)
    {
        builder.ToTable("disclosure_grants", CaseSchema.Name);
        builder.HasKey(g => g.GrantId);
        builder.Property(g => g.GrantId).HasColumnName("grant_id");
        builder.Property(g => g.CaseId).HasColumnName("case_id").HasMaxLength(20);
        builder.Property(g => g.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(30);
        builder.Property(g => g.Origin).HasColumnName("origin").HasMaxLength(30);
        builder.Property(g => g.GiverRelation).HasColumnName("giver_relation").HasMaxLength(100);
        builder.Property(g => g.Reference).HasColumnName("reference").HasMaxLength(200);
        builder.Property(g => g.IssuingBody).HasColumnName("issuing_body").HasMaxLength(200);
        builder.Property(g => g.RecordedByAgencyId).HasColumnName("recorded_by_agency_id").HasMaxLength(63);
        builder.Property(g => g.Purposes).HasColumnName("purposes");
        builder.Property(g => g.DataCategories).HasColumnName("data_categories");
        builder.Property(g => g.RecipientAgencyIds).HasColumnName("recipient_agency_ids");
        builder.Property(g => g.RecipientKinds).HasColumnName("recipient_kinds");
        builder.Property(g => g.ValidFrom).HasColumnName("valid_from");
        builder.Property(g => g.ValidUntil).HasColumnName("valid_until");
        builder.Property(g => g.WithdrawnAt).HasColumnName("withdrawn_at");
        builder.Property(g => g.WithdrawalReason).HasColumnName("withdrawal_reason").HasMaxLength(1000);
        builder.Property(g => g.CreatedAt).HasColumnName("created_at");
        builder.Property(g => g.RequestId).HasColumnName("request_id").HasMaxLength(100);
        builder.Property(g => g.RequestHash).HasColumnName("request_hash").HasMaxLength(64);
        builder.Property(g => g.Version).IsRowVersion();
        builder.HasOne<CaseRecord>().WithMany().HasForeignKey(g => g.CaseId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(g => new { g.RecordedByAgencyId, g.RequestId }).IsUnique();

        // Every read of a case loads its grants; listings page by kind, newest first.
        builder.HasIndex(g => new { g.CaseId, g.Kind, g.CreatedAt });
    }
}
