using CoordinationHub.Cli.Commands.Admin;
using CoordinationHub.Contracts.V1;
using Google.Protobuf.Reflection;

namespace CoordinationHub.Cli.Commands.Cases;

/// <summary>The enums of the Cases and Referrals APIs as hubctl reads and prints them (<c>located_alive</c>, <c>migration_route</c>).</summary>
internal static class CaseVocabulary
{
    public static ProtoEnumNames<CaseStatus> Statuses { get; } = new(Find(CaseRecordReflection.Descriptor, "CaseStatus"), "CASE_STATUS_");

    public static ProtoEnumNames<Sex> Sexes { get; } = new(Find(CaseRecordReflection.Descriptor, "Sex"), "SEX_");

    public static ProtoEnumNames<DisappearanceContext> Contexts { get; } = new(Find(CaseRecordReflection.Descriptor, "DisappearanceContext"), "DISAPPEARANCE_CONTEXT_");

    public static ProtoEnumNames<DuplicateFlagState> FlagStates { get; } = new(Find(CaseRecordReflection.Descriptor, "DuplicateFlagState"), "DUPLICATE_FLAG_STATE_");

    public static ProtoEnumNames<ReferralState> ReferralStates { get; } = new(Find(ReferralsReflection.Descriptor, "ReferralState"), "REFERRAL_STATE_");

    public static ProtoEnumNames<ReferralBox> ReferralBoxes { get; } = new(Find(ReferralsReflection.Descriptor, "ReferralBox"), "REFERRAL_BOX_");

    private static EnumDescriptor Find(FileDescriptor file, string name) =>
        file.EnumTypes.Single(type => type.Name == name);
}
