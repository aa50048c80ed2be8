using CoordinationHub.Contracts.V1;
using Google.Protobuf.Reflection;

namespace CoordinationHub.Server.Services.Notifications;

/// <summary>Stored names of notification kinds: the API enum name without its prefix.</summary>
internal static class NotificationMapping
{
    private const string Prefix = "NOTIFICATION_KIND_";
    private static readonly EnumDescriptor KindDescriptor = NotificationsReflection.Descriptor.FindTypeByName<EnumDescriptor>("NotificationKind");

    public static string KindName(NotificationKind kind) =>
        KindDescriptor.FindValueByNumber((int)kind) is { } value && value.Name.StartsWith(Prefix, StringComparison.Ordinal)
            ? value.Name[Prefix.Length..]
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a notification kind");
}
