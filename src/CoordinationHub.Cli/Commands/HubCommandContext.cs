using System.CommandLine;
using CoordinationHub.Cli.Connection;
using CoordinationHub.Cli.Output;

namespace CoordinationHub.Cli.Commands;

/// <summary>What a command's action works with: its parsed options, the open connection and the chosen renderer.</summary>
internal sealed record HubCommandContext(
    ParseResult ParseResult,
    GlobalOptions Globals,
    HubConnection Hub,
    IOutputRenderer Output,
    CliConsole Console,
    CancellationToken CancellationToken);
