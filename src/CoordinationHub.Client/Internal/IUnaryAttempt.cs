namespace CoordinationHub.Client.Internal;

/// <summary>What the retry strategies need to know about a unary call in progress.</summary>
internal interface IUnaryAttempt
{
    /// <summary>A read, or a write carrying a <c>request_id</c> (<see cref="RetrySafety"/>).</summary>
    bool SafeToRepeat { get; }

    /// <summary>The last attempt's token was refused by the hub (not the certificate by the token endpoint).</summary>
    bool TokenRefused { get; }

    /// <summary>False once the call's deadline has passed: no attempt starts after it.</summary>
    bool BeforeDeadline();
}
