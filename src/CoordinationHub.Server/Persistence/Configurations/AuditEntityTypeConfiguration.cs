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
        builder.Property(e => e.OccurredAt).HasColumnName("occurred_at");
        builder.Property(e => e.AgencyId).HasColumnName("agency_id").HasMaxLength(63);
        builder.Property(e => e.CertificateThumbprint).HasColumnName("certificate_thumbprint").HasMaxLength(64);
        builder.Property(e => e.Officer).HasColumnName("officer").HasMaxLength(200);
        builder.Property(e => e.Method).HasColumnName("method").HasMaxLength(200);
        builder.Property(e => e.Target).HasColumnName("target").HasMaxLength(200);
        builder.Property(e => e.Decision).HasColumnName("decision").HasMaxLength(10);
        builder.Property(e => e.Reason).HasColumnName("reason").HasMaxLength(1000);
        builder.Property(e => e.RequestId).HasColumnName("request_id").HasMaxLength(100);
        builder.Property(e => e.CallId).HasColumnName("call_id").HasMaxLength(100);
        builder.HasIndex(e => new { e.AgencyId, e.OccurredAt });
        builder.HasIndex(e => e.OccurredAt);
    }
}
