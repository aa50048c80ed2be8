using CoordinationHub.Contracts.V1;
using CoordinationHub.Server.Persistence.Records.Cases;
using Google.Protobuf.Reflection;

namespace CoordinationHub.Server.Services.Cases;

/// <summary>Case enums between their stored names (prefix-less proto names, readable in SQL) and the API.</summary>
internal static class CaseMapping
{
    private static readonly EnumDescriptor StatusDescriptor = CaseRecordReflection.Descriptor.FindTypeByName<EnumDescriptor>("CaseStatus");
    private static readonly EnumDescriptor FlagStateDescriptor = CaseRecordReflection.Descriptor.FindTypeByName<EnumDescriptor>("DuplicateFlagState");

    public static string StatusName(CaseStatus status) => Name(StatusDescriptor, (int)status, "CASE_STATUS_");

    public static CaseStatus StatusFromName(string name) =>
        StatusDescriptor.FindValueByName("CASE_STATUS_" + name) is { } value ? (CaseStatus)value.Number : CaseStatus.Unspecified;

    public static string FlagStateName(DuplicateFlagState state) => Name(FlagStateDescriptor, (int)state, "DUPLICATE_FLAG_STATE_");

    public static DuplicateFlagState FlagStateFromName(string name) =>
        FlagStateDescriptor.FindValueByName("DUPLICATE_FLAG_STATE_" + name) is { } value ? (DuplicateFlagState)value.Number : DuplicateFlagState.Unspecified;

    /// <summary>A flag as seen from <paramref name="viewedCaseId"/>: the other case is whichever side is not this one.</summary>
    public static DuplicateFlag ToMessage(DuplicateFlagRecord flag, string viewedCaseId) => new()
    {
        FlagId = flag.FlagId.ToString(),
        OtherCaseId = flag.CaseId == viewedCaseId ? flag.OtherCaseId : flag.CaseId,
        Score = flag.Score,
        Reasons = { flag.Reasons },
        State = FlagStateFromName(flag.State),
    };

    private static string Name(EnumDescriptor descriptor, int number, string prefix) =>
        descriptor.FindValueByNumber(number)?.Name[prefix.Length..] ?? throw new ArgumentOutOfRangeException(nameof(number), number, $"Not a value of {descriptor.FullName}.");
}
