using CoordinationHub.Rpc;
using Google.Protobuf.Reflection;
using Grpc.Testing;

namespace CoordinationHub.Interop;

/// <summary>Method table of <c>grpc.testing.TestService</c>.</summary>
public static class TestServiceMethods
{
    public static ServiceDescriptor Descriptor { get; } = TestReflection.Descriptor.FindTypeByName<ServiceDescriptor>("TestService");

    public static Method<Empty, Empty> EmptyCall { get; } = Method.FromDescriptor<Empty, Empty>(Descriptor, "EmptyCall");

    public static Method<SimpleRequest, SimpleResponse> UnaryCall { get; } =
        Method.FromDescriptor<SimpleRequest, SimpleResponse>(Descriptor, "UnaryCall");

    public static Method<SimpleRequest, SimpleResponse> CacheableUnaryCall { get; } =
        Method.FromDescriptor<SimpleRequest, SimpleResponse>(Descriptor, "CacheableUnaryCall");

    public static Method<StreamingOutputCallRequest, StreamingOutputCallResponse> StreamingOutputCall { get; } =
        Method.FromDescriptor<StreamingOutputCallRequest, StreamingOutputCallResponse>(Descriptor, "StreamingOutputCall");

    public static Method<StreamingInputCallRequest, StreamingInputCallResponse> StreamingInputCall { get; } =
        Method.FromDescriptor<StreamingInputCallRequest, StreamingInputCallResponse>(Descriptor, "StreamingInputCall");

    public static Method<StreamingOutputCallRequest, StreamingOutputCallResponse> FullDuplexCall { get; } =
        Method.FromDescriptor<StreamingOutputCallRequest, StreamingOutputCallResponse>(Descriptor, "FullDuplexCall");

    public static Method<StreamingOutputCallRequest, StreamingOutputCallResponse> HalfDuplexCall { get; } =
        Method.FromDescriptor<StreamingOutputCallRequest, StreamingOutputCallResponse>(Descriptor, "HalfDuplexCall");

    public static Method<Empty, Empty> UnimplementedCall { get; } = Method.FromDescriptor<Empty, Empty>(Descriptor, "UnimplementedCall");

    /// <summary><c>grpc.testing.UnimplementedService/UnimplementedCall</c>, which no server implements.</summary>
    public static Method<Empty, Empty> UnimplementedServiceCall { get; } = Method.FromDescriptor<Empty, Empty>(
        TestReflection.Descriptor.FindTypeByName<ServiceDescriptor>("UnimplementedService"), "UnimplementedCall");
}
