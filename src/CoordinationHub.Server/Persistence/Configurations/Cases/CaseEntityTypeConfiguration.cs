using CoordinationHub.Server.Persistence.Records.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoordinationHub.Server.Persistence.Configurations.Cases;

internal sealed class CaseEntityTypeConfiguration : IEntityTypeConfiguration<CaseRecord>
{
    public void Configure(EntityTypeBuilder<CaseRecord> builder)
    {
        builder.ToTable("cases", CaseSchema.Name);
        builder.HasKey(c => c.CaseId);
        builder.Property(c => c.CaseId).HasColumnName("case_id").HasMaxLength(20);
        builder.Property(c => c.Status).HasColumnName("status").HasMaxLength(30);
        builder.Property(c => c.MergedIntoCaseId).HasColumnName("merged_into_case_id").HasMaxLength(20);
        builder.Property(c => c.Identity).HasColumnName("identity").HasColumnType("jsonb");
        builder.Property(c => c.Circumstances).HasColumnName("circumstances").HasColumnType("jsonb");
        builder.Property(c => c.Contacts).HasColumnName("contacts").HasColumnType("jsonb");
        builder.Property(c => c.Antemortem).HasColumnName("antemortem").HasColumnType("jsonb");
        builder.Property(c => c.Genetic).HasColumnName("genetic").HasColumnType("jsonb");
        builder.Property(c => c.Location).HasColumnName("location").HasColumnType("jsonb");
        builder.Property(c => c.Investigation).HasColumnName("investigation").HasColumnType("jsonb");
        builder.Property(c => c.NameKeys).HasColumnName("name_keys");
        builder.Property(c => c.NameTerms).HasColumnName("name_terms");
        builder.Property(c => c.NameYearTerms).HasColumnName("name_year_terms");
        builder.Property(c => c.NameSearch).HasColumnName("name_search");
        builder.Property(c => c.BirthYear).HasColumnName("birth_year");
        builder.Property(c => c.CreatedAt).HasColumnName("created_at");
        builder.Property(c => c.UpdatedAt).HasColumnName("updated_at");
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasMany(c => c.Reports).WithOne(r => r.Case).HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);

        // Duplicate candidates: names and pairs of names (NameKeyTerms), or trigram-similar normalised names.
        builder.HasIndex(c => c.NameTerms).HasMethod("gin");
        builder.HasIndex(c => c.NameYearTerms).HasMethod("gin");
        builder.HasIndex(c => c.NameSearch).HasMethod("gin").HasOperators("gin_trgm_ops");
        builder.HasIndex(c => c.CreatedAt);
    }
}
