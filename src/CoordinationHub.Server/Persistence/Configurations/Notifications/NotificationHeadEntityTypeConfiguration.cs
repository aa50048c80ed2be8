using CoordinationHub.Server.Persistence.Records.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoordinationHub.Server.Persistence.Configurations.Notifications;

internal sealed class NotificationHeadEntityTypeConfiguration : IEntityTypeConfiguration<NotificationHeadRecord>
{
    public void Configure(EntityTypeBuilder<NotificationHeadRecord> builder)
    {
        builder.ToTable("heads", NotificationSchema.Name);
        builder.HasKey(h => h.AgencyId);
        builder.Property(h => h.AgencyId).HasColumnName("agency_id").HasMaxLength(63);
        builder.Property(h => h.LastSequence).HasColumnName("last_sequence");
    }
}
