using System.Security.Cryptography.X509Certificates;

namespace CoordinationHub.Testing.Hub;

/// <summary>An agency inserted straight into the database, with its client certificate.</summary>
public sealed record TestAgency(string AgencyId, X509Certificate2 Certificate)
{
    /// <summary>
    /// Writes the certificate and its private key as PEM files named after the agency, the form in
    /// which an operator hands them to hubctl or an adapter.
    /// </summary>
    public (string CertificatePath, string KeyPath) WritePemFiles(string directory)
    {
        var certificatePath = Path.Combine(directory, AgencyId + ".pem");
        var keyPath = Path.Combine(directory, AgencyId + ".key");
        File.WriteAllText(certificatePath, Certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, Certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }
}
