using CoordinationHub.Server.Persistence.Records.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoordinationHub.Server.Persistence.Configurations.Cases;

internal sealed class ReferralEntityTypeConfiguration : IEntityTypeConfiguration<ReferralRecord>
{
    public void Configure(EntityTypeBuilder<ReferralRecord> builder)
    {
        builder.ToTable("referrals", CaseSchema.Name);
        builder.HasKey(r => r.ReferralId);
        builder.Property(r => r.ReferralId).HasColumnName("referral_id");
        builder.Property(r => r.CaseId).HasColumnName("case_id").HasMaxLength(20);
        builder.Property(r => r.FromAgencyId).HasColumnName("from_agency_id").HasMaxLength(63);
        builder.Property(r => r.ToAgencyId).HasColumnName("to_agency_id").HasMaxLength(63);
        builder.Property(r => r.Purpose).HasColumnName("purpose").HasMaxLength(40);
        builder.Property(r => r.DataCategories).HasColumnName("data_categories");
        builder.Property(r => r.Reason).HasColumnName("reason").HasMaxLength(1000);
        builder.Property(r => r.DueAt).HasColumnName("due_at");
        builder.Property(r => r.State).HasColumnName("state").HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.StateReason).HasColumnName("state_reason").HasMaxLength(1000);
        builder.Property(r => r.CreatedAt).HasColumnName("created_at");
        builder.Property(r => r.UpdatedAt).HasColumnName("updated_at");
        builder.Property(r => r.RequestId).HasColumnName("request_id").HasMaxLength(100);
        builder.Property(r => r.RequestHash).HasColumnName("request_hash").HasMaxLength(64);
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasOne<CaseRecord>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(r => new { r.FromAgencyId, r.RequestId }).IsUnique();
        builder.HasIndex(r => new { r.ToAgencyId, r.CreatedAt });
        builder.HasIndex(r => new { r.FromAgencyId, r.CreatedAt });
        builder.HasIndex(r => new { r.CaseId, r.ToAgencyId, r.State });
        // The expiry sweep looks only at live referrals past due.
        builder.HasIndex(r => r.DueAt).HasFilter("state IN ('Pending', 'Accepted')");
    }
}
