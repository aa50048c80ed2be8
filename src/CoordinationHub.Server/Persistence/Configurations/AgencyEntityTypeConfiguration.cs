using CoordinationHub.Domain.Trust;
using CoordinationHub.Server.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoordinationHub.Server.Persistence.Configurations;

internal sealed class AgencyEntityTypeConfiguration : IEntityTypeConfiguration<AgencyRecord>
{
    public void Configure(EntityTypeBuilder<AgencyRecord> builder)
    {
        builder.ToTable("agencies", "trust");
        builder.HasKey(a => a.AgencyId);
        builder.Property(a => a.AgencyId).HasColumnName("agency_id").HasMaxLength(AgencyId.MaxLength);
        builder.Property(a => a.DisplayName).HasColumnName("display_name").HasMaxLength(200);
        builder.Property(a => a.Kind).HasColumnName("kind").HasMaxLength(40);
        builder.Property(a => a.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.StatusReason).HasColumnName("status_reason").HasMaxLength(500);
        builder.Property(a => a.Scopes).HasColumnName("scopes");
        builder.Property(a => a.DataCategories).HasColumnName("data_categories");
        builder.Property(a => a.Purposes).HasColumnName("purposes");
        builder.Property(a => a.CreatedAt).HasColumnName("created_at");
        builder.Property(a => a.UpdatedAt).HasColumnName("updated_at");
        // xmin, read back after every write, but not a concurrency token: EF Core would guard with
        // WHERE xmin = …, whose lost race is a row count of zero that only the client sees. The
        // database compares expected_version with it instead (ADR 0018).
        builder.Property(a => a.Version).HasColumnName("xmin").HasColumnType("xid").ValueGeneratedOnAddOrUpdate();
        builder.Property(a => a.ExpectedVersion).HasColumnName("expected_version").HasColumnType("xid");
        builder.HasMany(a => a.Certificates).WithOne(c => c.Agency).HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
