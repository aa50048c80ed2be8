using CoordinationHub.Server.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoordinationHub.Server.Persistence.Configurations;

internal sealed class AuditCheckpointEntityTypeConfiguration : IEntityTypeConfiguration<AuditCheckpointRecord>
{
    public void Configure(EntityTypeBuilder<AuditCheckpointRecord> builder)
    {
        builder.ToTable("checkpoints", "audit");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(c => c.Chain).HasColumnName("chain");
        builder.Property(c => c.Seq).HasColumnName("seq");
        builder.Property(c => c.EntryHash).HasColumnName("entry_hash");
        builder.Property(c => c.SignedAt).HasColumnName("signed_at");
        builder.Property(c => c.KeyId).HasColumnName("key_id").HasMaxLength(64);
        builder.Property(c => c.Signature).HasColumnName("signature");

        // One checkpoint per position: two replicas signing the same head insert one row.
        builder.HasIndex(c => new { c.Chain, c.Seq }).IsUnique();
    }
}
