using CoordinationHub.Server.Persistence.Records.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoordinationHub.Server.Persistence.Configurations.Cases;

internal sealed class CaseEventEntityTypeConfiguration : IEntityTypeConfiguration<CaseEventRecord>
{
    public void Configure(EntityTypeBuilder<CaseEventRecord> builder)
    {
        builder.ToTable("events", CaseSchema.Name);
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(e => e.CaseId).HasColumnName("case_id").HasMaxLength(20);
        builder.Property(e => e.OccurredAt).HasColumnName("occurred_at");
        builder.Property(e => e.AgencyId).HasColumnName("agency_id").HasMaxLength(63);
        builder.Property(e => e.Description).HasColumnName("description").HasMaxLength(1000);
        builder.Property(e => e.Categories).HasColumnName("categories");
        builder.HasIndex(e => new { e.CaseId, e.Id });
    }
}
