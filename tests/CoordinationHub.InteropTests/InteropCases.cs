using CoordinationHub.Interop;

namespace CoordinationHub.InteropTests;

/// <summary>The interop cases the issue names, crossed with TLS on and off.</summary>
public static class InteropCases
{
    public static TheoryData<string, bool> WithTls()
    {
        var data = new TheoryData<string, bool>();
        foreach (var name in InteropClient.Cases)
        {
            data.Add(name, true);
            data.Add(name, false);
        }

        return data;
    }
}
