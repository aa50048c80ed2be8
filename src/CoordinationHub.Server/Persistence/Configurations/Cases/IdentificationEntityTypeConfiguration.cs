using CoordinationHub.Server.Persistence.Records.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoordinationHub.Server.Persistence.Configurations.Cases;

internal sealed class IdentificationEntityTypeConfiguration : IEntityTypeConfiguration<IdentificationRecord>
{
    public void Configure(EntityTypeBuilder<IdentificationRecord> builder)
    {
        builder.ToTable("identifications", CaseSchema.Name);
        builder.HasKey(i => i.IdentificationId);
        builder.Property(i => i.IdentificationId).HasColumnName("identification_id");
        builder.Property(i => i.CaseId).HasColumnName("case_id").HasMaxLength(20);
        builder.Property(i => i.ReportingAgencyId).HasColumnName("reporting_agency_id").HasMaxLength(63);
        builder.Property(i => i.Site).HasColumnName("site").HasMaxLength(500);
        builder.Property(i => i.SampleReference).HasColumnName("sample_reference").HasMaxLength(100);
        builder.Property(i => i.Method).HasColumnName("method").HasMaxLength(20);
        builder.Property(i => i.LikelihoodRatio).HasColumnName("likelihood_ratio");
        builder.Property(i => i.PosteriorProbability).HasColumnName("posterior_probability");
        builder.Property(i => i.PointsCompared).HasColumnName("points_compared");
        builder.Property(i => i.MatchedPerson).HasColumnName("matched_person").HasMaxLength(20);
        builder.Property(i => i.State).HasColumnName("state").HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.ReviewingAgencyId).HasColumnName("reviewing_agency_id").HasMaxLength(63);
        builder.Property(i => i.ReviewNote).HasColumnName("review_note").HasMaxLength(1000);
        builder.Property(i => i.FamilyInformedByAgencyId).HasColumnName("family_informed_by_agency_id").HasMaxLength(63);
        builder.Property(i => i.FamilyInformedAt).HasColumnName("family_informed_at");
        builder.Property(i => i.CreatedAt).HasColumnName("created_at");
        builder.Property(i => i.UpdatedAt).HasColumnName("updated_at");
        builder.Property(i => i.RequestId).HasColumnName("request_id").HasMaxLength(100);
        builder.Property(i => i.RequestHash).HasColumnName("request_hash").HasMaxLength(64);
        builder.Property(i => i.Version).IsRowVersion();
        builder.HasOne<CaseRecord>().WithMany().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(i => new { i.ReportingAgencyId, i.RequestId }).IsUnique();
        builder.HasIndex(i => new { i.CaseId, i.CreatedAt });
    }
}
