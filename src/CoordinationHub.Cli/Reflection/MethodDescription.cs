namespace CoordinationHub.Cli.Reflection;

/// <summary>One method of a service, as reflection describes it.</summary>
/// <param name="Name">The method's name, for example <c>GetHubInfo</c>.</param>
/// <param name="Kind">unary, server streaming, client streaming or bidi streaming.</param>
/// <param name="RequestType">Fully-qualified request message name, without the leading dot.</param>
/// <param name="ResponseType">Fully-qualified response message name, without the leading dot.</param>
internal sealed record MethodDescription(string Name, string Kind, string RequestType, string ResponseType);
