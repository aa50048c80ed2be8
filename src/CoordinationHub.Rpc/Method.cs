using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CoordinationHub.Rpc;

/// <summary>A typed RPC method: its path, shape and the parsers of its messages.</summary>
/// <typeparam name="TRequest">The request message.</typeparam>
/// <typeparam name="TResponse">The response message.</typeparam>
public sealed class Method<TRequest, TResponse> : IMethod
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    /// <summary>Creates a method from its parts; prefer <see cref="Method.FromDescriptor{TRequest,TResponse}"/>.</summary>
    public Method(
        MethodType type,
        string serviceName,
        string name,
        MessageParser<TRequest> requestParser,
        MessageParser<TResponse> responseParser,
        MethodDescriptor? descriptor = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceName);
        ArgumentException.ThrowIfNullOrEmpty(name);
        Type = type;
        ServiceName = serviceName;
        Name = name;
        FullName = $"/{serviceName}/{name}";
        RequestParser = requestParser;
        ResponseParser = responseParser;
        Descriptor = descriptor;
    }

    /// <inheritdoc />
    public MethodType Type { get; }

    /// <inheritdoc />
    public string ServiceName { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string FullName { get; }

    /// <inheritdoc />
    public MethodDescriptor? Descriptor { get; }

    /// <summary>Parses request messages.</summary>
    public MessageParser<TRequest> RequestParser { get; }

    /// <summary>Parses response messages.</summary>
    public MessageParser<TResponse> ResponseParser { get; }

    /// <inheritdoc />
    public override string ToString() => FullName;
}

/// <summary>Builds <see cref="Method{TRequest,TResponse}"/> instances from generated descriptors.</summary>
public static class Method
{
    /// <summary>
    /// Builds the method <paramref name="name"/> of <paramref name="service"/>, checking that the
    /// descriptor's message types match the generic arguments so a wrong method table fails at
    /// start-up rather than as garbage on the wire.
    /// </summary>
    public static Method<TRequest, TResponse> FromDescriptor<TRequest, TResponse>(ServiceDescriptor service, string name)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(service);
        var descriptor = service.FindMethodByName(name)
            ?? throw new ArgumentException($"Service '{service.FullName}' has no method '{name}'.", nameof(name));
        var requestDescriptor = new TRequest().Descriptor;
        var responseDescriptor = new TResponse().Descriptor;
        if (descriptor.InputType.FullName != requestDescriptor.FullName)
        {
            throw new ArgumentException($"{service.FullName}/{name} takes {descriptor.InputType.FullName}, not {requestDescriptor.FullName}.", nameof(name));
        }

        if (descriptor.OutputType.FullName != responseDescriptor.FullName)
        {
            throw new ArgumentException($"{service.FullName}/{name} returns {descriptor.OutputType.FullName}, not {responseDescriptor.FullName}.", nameof(name));
        }

        var type = (descriptor.IsClientStreaming, descriptor.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (true, false) => MethodType.ClientStreaming,
            (false, true) => MethodType.ServerStreaming,
            (true, true) => MethodType.DuplexStreaming,
        };
        var requestParser = (MessageParser<TRequest>)requestDescriptor.Parser;
        var responseParser = (MessageParser<TResponse>)responseDescriptor.Parser;
        return new Method<TRequest, TResponse>(type, service.FullName, name, requestParser, responseParser, descriptor);
    }
}
