using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using DomainNameScript = CoordinationHub.Domain.Matching.NameScript;
using NameTokenizer = CoordinationHub.Domain.Matching.NameTokenizer;

namespace CoordinationHub.Server.Services.Cases;

/// <summary>
/// Checks the sections of a report or an update before anything is stored. Each problem names the
/// field (<c>sections.identity.names[1].full_name</c>) so that an adapter can show its clerk what
/// to correct. Bounds are what a paper form could hold, not what the database could.
/// </summary>
internal static class CaseSectionValidation
{
    private const int MaxNames = 20;
    private const int MaxNameLength = 200;
    private const int MaxShortText = 200;
    private const int MaxReference = 100;
    private const int MaxLongText = 4000;
    private const int MaxListItems = 50;
    private const int MinYear = 1900;

    /// <summary>The first problem found, or null when the sections are acceptable.</summary>
    public static string? Check(CaseSections sections, int currentYear)
    {
        ArgumentNullException.ThrowIfNull(sections);
        return CheckIdentity(sections.Identity, currentYear)
            ?? CheckCircumstances(sections.Circumstances, currentYear)
            ?? CheckContacts(sections.Contacts)
            ?? CheckAntemortem(sections.Antemortem)
            ?? CheckGenetic(sections.Genetic)
            ?? CheckLocation(sections.Location)
            ?? CheckInvestigation(sections.Investigation);
    }

    private static string? CheckIdentity(PersonIdentity? identity, int currentYear)
    {
        if (identity is null)
        {
            return null;
        }

        const string At = "sections.identity";
        if (identity.Names.Count == 0)
        {
            return $"{At}.names must hold at least one name.";
        }

        if (identity.Names.Count > MaxNames)
        {
            return $"{At}.names holds more than {MaxNames} names.";
        }

        for (var i = 0; i < identity.Names.Count; i++)
        {
            var name = identity.Names[i];
            var field = $"{At}.names[{i}]";
            if (string.IsNullOrWhiteSpace(name.FullName) || !name.FullName.Any(char.IsLetter))
            {
                return $"{field}.full_name must contain letters.";
            }

            if (name.FullName.Length > MaxNameLength)
            {
                return $"{field}.full_name is longer than {MaxNameLength} characters.";
            }

            if (!Enum.IsDefined(name.Script))
            {
                return $"{field}.script is not a NameScript value.";
            }

            // A declared script that the letters contradict would mislead the matcher.
            var detected = NameTokenizer.DetectScript(name.FullName) == DomainNameScript.Arabic ? NameScript.Arabic : NameScript.Latin;
            if (name.Script != NameScript.Unspecified && name.Script != detected)
            {
                return $"{field}.script says {name.Script} but the name is written in {detected} letters.";
            }
        }

        if (!Enum.IsDefined(identity.Sex))
        {
            return $"{At}.sex is not a Sex value.";
        }

        if (CheckDate(identity.DateOfBirth, $"{At}.date_of_birth", currentYear) is { } dateProblem)
        {
            return dateProblem;
        }

        if (!IsYearOrZero(identity.BirthYearFrom, currentYear) || !IsYearOrZero(identity.BirthYearTo, currentYear))
        {
            return $"{At}.birth_year_from and birth_year_to must be 0 or between {MinYear} and {currentYear}.";
        }

        if (identity.BirthYearFrom != 0 && identity.BirthYearTo != 0 && identity.BirthYearFrom > identity.BirthYearTo)
        {
            return $"{At}.birth_year_from must not be after birth_year_to.";
        }

        return CheckCountry(identity.Nationality, $"{At}.nationality");
    }

    private static string? CheckCircumstances(LastSeen? lastSeen, int currentYear)
    {
        if (lastSeen is null)
        {
            return null;
        }

        const string At = "sections.circumstances";
        return CheckText(lastSeen.Place, $"{At}.place", MaxShortText)
            ?? CheckCountry(lastSeen.Country, $"{At}.country")
            ?? CheckCoordinates(lastSeen.Latitude, lastSeen.Longitude, At)
            ?? CheckDate(lastSeen.Date, $"{At}.date", currentYear)
            ?? (Enum.IsDefined(lastSeen.Context) ? null : $"{At}.context is not a DisappearanceContext value.")
            ?? CheckText(lastSeen.Narrative, $"{At}.narrative", MaxLongText);
    }

    private static string? CheckContacts(Google.Protobuf.Collections.RepeatedField<FamilyContact> contacts)
    {
        if (contacts.Count > MaxListItems)
        {
            return $"sections.contacts holds more than {MaxListItems} contacts.";
        }

        for (var i = 0; i < contacts.Count; i++)
        {
            var contact = contacts[i];
            var at = $"sections.contacts[{i}]";
            var problem = (string.IsNullOrWhiteSpace(contact.Name) ? $"{at}.name is required." : null)
                ?? CheckText(contact.Name, $"{at}.name", MaxNameLength)
                ?? CheckText(contact.Relation, $"{at}.relation", MaxShortText)
                ?? CheckPhone(contact.Phone, $"{at}.phone")
                ?? CheckText(contact.Address, $"{at}.address", MaxLongText)
                ?? CheckAgency(contact.LiaisonAgencyId, $"{at}.liaison_agency_id");
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? CheckAntemortem(Antemortem? antemortem) => antemortem is null ? null
        : antemortem.HeightCm is < 0 or > 272 ? "sections.antemortem.height_cm must be 0 (unknown) or a height up to 272 cm."
        : CheckText(antemortem.PhysicalDescription, "sections.antemortem.physical_description", MaxLongText)
            ?? CheckText(antemortem.MedicalNotes, "sections.antemortem.medical_notes", MaxLongText)
            ?? CheckText(antemortem.DentalNotes, "sections.antemortem.dental_notes", MaxLongText);

    private static string? CheckGenetic(GeneticReferences? genetic)
    {
        if (genetic is null)
        {
            return null;
        }

        if (genetic.Samples.Count > MaxListItems)
        {
            return $"sections.genetic.samples holds more than {MaxListItems} samples.";
        }

        for (var i = 0; i < genetic.Samples.Count; i++)
        {
            var sample = genetic.Samples[i];
            var at = $"sections.genetic.samples[{i}]";
            var problem = (string.IsNullOrWhiteSpace(sample.SampleReference) ? $"{at}.sample_reference is required." : null)
                ?? CheckText(sample.SampleReference, $"{at}.sample_reference", MaxReference)
                ?? CheckAgency(sample.LaboratoryAgencyId, $"{at}.laboratory_agency_id")
                ?? CheckText(sample.DonorRelation, $"{at}.donor_relation", MaxShortText);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? CheckLocation(LocationData? location)
    {
        if (location is null)
        {
            return null;
        }

        if (location.Sites.Count > MaxListItems)
        {
            return $"sections.location.sites holds more than {MaxListItems} sites.";
        }

        for (var i = 0; i < location.Sites.Count; i++)
        {
            var site = location.Sites[i];
            var at = $"sections.location.sites[{i}]";
            var problem = (string.IsNullOrWhiteSpace(site.SiteReference_) ? $"{at}.site_reference is required." : null)
                ?? CheckText(site.SiteReference_, $"{at}.site_reference", MaxReference)
                ?? CheckText(site.Description, $"{at}.description", MaxLongText)
                ?? CheckCoordinates(site.Latitude, site.Longitude, at);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    // Length only: what an investigator writes is the investigator's business.
    private static string? CheckInvestigation(Investigation? investigation) => investigation is null ? null
        : CheckText(investigation.FileReference, "sections.investigation.file_reference", MaxReference)
            ?? CheckText(investigation.Notes, "sections.investigation.notes", MaxLongText);

    public static string? CheckText(string value, string field, int maxLength) =>
        value.Length > maxLength ? $"{field} is longer than {maxLength} characters." : null;

    private static string? CheckDate(PartialDate? date, string field, int currentYear)
    {
        if (date is null || (date.Year == 0 && date.Month == 0 && date.Day == 0))
        {
            return null;
        }

        if (date.Year != 0 && (date.Year < MinYear || date.Year > currentYear))
        {
            return $"{field}.year must be between {MinYear} and {currentYear}, or 0 when unknown.";
        }

        if (date.Month is < 0 or > 12 || date.Day is < 0 or > 31)
        {
            return $"{field} has a month outside 1-12 or a day outside 1-31.";
        }

        if (date.Day != 0 && date.Month == 0)
        {
            return $"{field} gives a day without a month.";
        }

        if (date.Year != 0 && date.Month != 0 && date.Day > DateTime.DaysInMonth(date.Year, date.Month))
        {
            return $"{field}: {date.Year}-{date.Month:D2} has no day {date.Day}.";
        }

        return null;
    }

    private static bool IsYearOrZero(int year, int currentYear) => year == 0 || (year >= MinYear && year <= currentYear);

    private static string? CheckCountry(string code, string field) =>
        code.Length == 0 || (code.Length == 2 && code.All(char.IsAsciiLetterUpper)) ? null
        : $"{field} must be an ISO 3166-1 alpha-2 code in capitals, for example \"IQ\".";

    private static string? CheckCoordinates(double latitude, double longitude, string at) =>
        !double.IsFinite(latitude) || latitude is < -90 or > 90 ? $"{at}.latitude must be between -90 and 90."
        : !double.IsFinite(longitude) || longitude is < -180 or > 180 ? $"{at}.longitude must be between -180 and 180."
        : null;

    private static string? CheckPhone(string phone, string field) =>
        phone.Length == 0 || (phone.Length <= 20 && phone[0] == '+' && phone.Skip(1).All(c => char.IsAsciiDigit(c) || c == ' ') && phone.Count(char.IsAsciiDigit) >= 6)
            ? null : $"{field} must be in international format, for example \"+964 770 123 4567\".";

    private static string? CheckAgency(string agencyId, string field) =>
        agencyId.Length == 0 || AgencyId.IsValid(agencyId) ? null : $"{field} is not a valid agency id.";
}
