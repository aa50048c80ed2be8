using System.CommandLine;
using CoordinationHub.Cli.Output;
using CoordinationHub.Server.Persistence;

namespace CoordinationHub.Cli.Commands.Database;

/// <summary>What a command run on the hub host works with: its parsed options, the hub's database and the chosen renderer.</summary>
internal sealed record DatabaseCommandContext(ParseResult ParseResult, HubDbContext Db, IOutputRenderer Output, CancellationToken CancellationToken);
