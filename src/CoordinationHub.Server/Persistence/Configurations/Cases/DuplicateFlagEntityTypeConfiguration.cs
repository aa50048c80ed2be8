using CoordinationHub.Server.Persistence.Records.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoordinationHub.Server.Persistence.Configurations.Cases;

internal sealed class DuplicateFlagEntityTypeConfiguration : IEntityTypeConfiguration<DuplicateFlagRecord>
{
    public void Configure(EntityTypeBuilder<DuplicateFlagRecord> builder)
    {
        builder.ToTable("duplicate_flags", CaseSchema.Name);
        builder.HasKey(f => f.FlagId);
        builder.Property(f => f.FlagId).HasColumnName("flag_id");
        builder.Property(f => f.CaseId).HasColumnName("case_id").HasMaxLength(20);
        builder.Property(f => f.OtherCaseId).HasColumnName("other_case_id").HasMaxLength(20);
        builder.Property(f => f.Score).HasColumnName("score");
        builder.Property(f => f.Reasons).HasColumnName("reasons");
        builder.Property(f => f.State).HasColumnName("state").HasMaxLength(20);
        builder.Property(f => f.ResolvedByAgencyId).HasColumnName("resolved_by_agency_id").HasMaxLength(63);
        builder.Property(f => f.ResolutionReason).HasColumnName("resolution_reason").HasMaxLength(500);
        builder.Property(f => f.CreatedAt).HasColumnName("created_at");
        builder.Property(f => f.ResolvedAt).HasColumnName("resolved_at");
        builder.HasIndex(f => new { f.CaseId, f.OtherCaseId }).IsUnique();
        builder.HasIndex(f => f.OtherCaseId);
    }
}
