namespace CoordinationHub.Cli.Output;

/// <summary>One column of an <see cref="OutputView{T}"/>; a value may span several lines.</summary>
/// <typeparam name="T">The result type.</typeparam>
internal sealed record OutputColumn<T>(string Header, Func<T, string> Value);
