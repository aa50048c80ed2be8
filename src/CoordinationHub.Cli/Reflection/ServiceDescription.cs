namespace CoordinationHub.Cli.Reflection;

/// <summary>A service the hub serves, with its methods when they were asked for.</summary>
/// <param name="Name">Fully-qualified name, for example <c>coordination.v1.HubInfoService</c>.</param>
/// <param name="Methods">The methods, or null when only the names were listed.</param>
internal sealed record ServiceDescription(string Name, IReadOnlyList<MethodDescription>? Methods);
