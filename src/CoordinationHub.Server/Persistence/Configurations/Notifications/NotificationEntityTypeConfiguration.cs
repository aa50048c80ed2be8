using CoordinationHub.Server.Persistence.Records.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoordinationHub.Server.Persistence.Configurations.Notifications;

internal sealed class NotificationEntityTypeConfiguration : IEntityTypeConfiguration<NotificationRecord>
{
    public void Configure(EntityTypeBuilder<NotificationRecord> builder)
    {
        // The writing transaction's id (column xact) and the commit trigger are raw SQL
        // (Migrations/Sql/IdentificationsAndNotificationsSql.cs): EF never reads or writes them.
        builder.ToTable("outbox", NotificationSchema.Name);
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(n => n.NotificationId).HasColumnName("notification_id");
        builder.Property(n => n.RecipientAgencyId).HasColumnName("recipient_agency_id").HasMaxLength(63);
        builder.Property(n => n.Sequence).HasColumnName("sequence");
        builder.Property(n => n.CaseId).HasColumnName("case_id").HasMaxLength(20);
        builder.Property(n => n.Kind).HasColumnName("kind").HasMaxLength(40);
        builder.Property(n => n.Payload).HasColumnName("payload");
        builder.Property(n => n.CreatedAt).HasColumnName("created_at");

        // Delivery reads one agency's notifications after a cursor, in sequence order.
        builder.HasIndex(n => new { n.RecipientAgencyId, n.Sequence }).IsUnique();
        builder.HasIndex(n => n.NotificationId).IsUnique();
    }
}
