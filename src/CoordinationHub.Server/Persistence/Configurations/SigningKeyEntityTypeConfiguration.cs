using CoordinationHub.Server.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoordinationHub.Server.Persistence.Configurations;

internal sealed class SigningKeyEntityTypeConfiguration : IEntityTypeConfiguration<SigningKeyRecord>
{
    public void Configure(EntityTypeBuilder<SigningKeyRecord> builder)
    {
        builder.ToTable("signing_keys", "trust");
        builder.HasKey(k => k.KeyId);
        builder.Property(k => k.KeyId).HasColumnName("key_id").HasMaxLength(64);
        builder.Property(k => k.Algorithm).HasColumnName("algorithm").HasMaxLength(10);
        builder.Property(k => k.PrivateKey).HasColumnName("private_key");
        builder.Property(k => k.CreatedAt).HasColumnName("created_at");
        builder.Property(k => k.RetiresAt).HasColumnName("retires_at");
        builder.Property(k => k.ExpiresAt).HasColumnName("expires_at");
        builder.HasIndex(k => k.ExpiresAt);
    }
}
