namespace CoordinationHub.InteropTests;

/// <summary>The interop cases the issue names, crossed with TLS on and off.</summary>
public static class InteropCases
{
    public static readonly string[] All =
    [
        "empty_unary", "large_unary", "client_streaming", "server_streaming", "ping_pong", "empty_stream",
        "status_code_and_message", "special_status_message", "custom_metadata", "unimplemented_method",
        "unimplemented_service", "timeout_on_sleeping_server", "cancel_after_begin", "cancel_after_first_response",
        "client_compressed_unary", "server_compressed_unary",
    ];

    public static TheoryData<string, bool> WithTls()
    {
        var data = new TheoryData<string, bool>();
        foreach (var name in All)
        {
            data.Add(name, true);
            data.Add(name, false);
        }

        return data;
    }
}
