using System.Buffers.Text;
using System.Text;

namespace Cluster.GrainInterfaces.Vision;

/// <summary>
/// Job ids name the device manager that holds the job ("{manager, base64url}.{32 hex digits}"), so any gateway can
/// route a status or cancel request without a directory of jobs.
/// </summary>
public static class VisionJobId
{
    public static string New(string manager) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(manager)) + "." + Guid.NewGuid().ToString("N");

    /// <summary>The manager that holds the job; false for text that is not a job id.</summary>
    public static bool TryGetManager(string jobId, out string manager)
    {
        manager = "";
        var dot = jobId.LastIndexOf('.');
        if (dot <= 0 || !Guid.TryParseExact(jobId.AsSpan(dot + 1), "N", out _))
            return false;
        var encoded = jobId.AsSpan(0, dot);
        var bytes = new byte[Base64Url.GetMaxDecodedLength(encoded.Length)];
        if (Base64Url.DecodeFromChars(encoded, bytes, out var consumed, out var written) != System.Buffers.OperationStatus.Done || consumed != encoded.Length)
            return false;
        manager = Encoding.UTF8.GetString(bytes, 0, written);
        return manager.Contains('/', StringComparison.Ordinal);
    }
}
