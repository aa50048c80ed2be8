using CoordinationHub.Server.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoordinationHub.Server.Persistence.Configurations;

internal sealed class CertificateEntityTypeConfiguration : IEntityTypeConfiguration<CertificateRecord>
{
    public void Configure(EntityTypeBuilder<CertificateRecord> builder)
    {
        builder.ToTable("certificates", "trust");
        builder.HasKey(c => c.ThumbprintSha256);
        builder.Property(c => c.ThumbprintSha256).HasColumnName("thumbprint_sha256").HasMaxLength(64).IsFixedLength();
        builder.Property(c => c.AgencyId).HasColumnName("agency_id").HasMaxLength(63);
        builder.Property(c => c.Subject).HasColumnName("subject").HasMaxLength(500);
        builder.Property(c => c.SerialNumber).HasColumnName("serial_number").HasMaxLength(100);
        builder.Property(c => c.NotBefore).HasColumnName("not_before");
        builder.Property(c => c.NotAfter).HasColumnName("not_after");
        builder.Property(c => c.Revoked).HasColumnName("revoked");
        builder.Property(c => c.RevocationReason).HasColumnName("revocation_reason").HasMaxLength(500);
        builder.Property(c => c.RevokedAt).HasColumnName("revoked_at");
        builder.Property(c => c.CertificatePem).HasColumnName("certificate_pem").HasMaxLength(16_384);
        builder.Property(c => c.CreatedAt).HasColumnName("created_at");
        builder.HasIndex(c => c.AgencyId);
    }
}
