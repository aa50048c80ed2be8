using CoordinationHub.Server.Persistence.Records.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoordinationHub.Server.Persistence.Configurations.Notifications;

internal sealed class NotificationProgressEntityTypeConfiguration : IEntityTypeConfiguration<NotificationProgressRecord>
{
    public void Configure(EntityTypeBuilder<NotificationProgressRecord> builder)
    {
        builder.ToTable("progress", NotificationSchema.Name);
        builder.HasKey(p => p.AgencyId);
        builder.Property(p => p.AgencyId).HasColumnName("agency_id").HasMaxLength(63);
        builder.Property(p => p.AckedSequence).HasColumnName("acked_sequence");
        builder.Property(p => p.UpdatedAt).HasColumnName("updated_at");
    }
}
