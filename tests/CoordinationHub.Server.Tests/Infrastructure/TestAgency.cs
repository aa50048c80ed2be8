using System.Security.Cryptography.X509Certificates;

namespace CoordinationHub.Server.Tests.Infrastructure;

/// <summary>An agency inserted straight into the database, with its client certificate.</summary>
public sealed record TestAgency(string AgencyId, X509Certificate2 Certificate);
