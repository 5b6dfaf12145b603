using Cluster.GrainInterfaces.Compute.Analytics;
using Cluster.GrainInterfaces.Knowledge.Tenants;

namespace Cluster.Grains.Knowledge.Tenants;

/// <summary>Checks tenant and key requests; each failure is a <see cref="TenantValidationException"/> naming the field.</summary>
public static class TenantRequests
{
    public const int MaxNameLength = 200;
    public const int MaxKnowledgeBaseIds = 1_000;
    public const int MaxKnowledgeBaseIdLength = 200;

    public static string Name(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            throw new TenantValidationException("name", "name must not be empty.");
        CheckText("name", trimmed, MaxNameLength);
        return trimmed;
    }

    public static long Quota(long? storageQuotaBytes, long defaultQuota)
    {
        var quota = storageQuotaBytes ?? defaultQuota;
        if (quota is < 0 or > TenantOptions.MaxStorageQuotaBytes)
            throw new TenantValidationException("storageQuotaBytes", $"storageQuotaBytes must be between 0 and {TenantOptions.MaxStorageQuotaBytes} (got {quota}).");
        return quota;
    }

    /// <summary>Bytes to reserve or release: positive, and within the largest quota.</summary>
    public static long Bytes(long bytes) =>
        bytes is > 0 and <= TenantOptions.MaxStorageQuotaBytes
            ? bytes
            : throw new TenantValidationException("bytes", $"bytes must be between 1 and {TenantOptions.MaxStorageQuotaBytes} (got {bytes}).");

    public static ApiKeySpec Key(ApiKeySpec? spec, DateTimeOffset now)
    {
        if (spec is null)
            throw new TenantValidationException("$", "A key needs a body: {\"capabilities\": [...]}.");
        var capabilities = spec.Capabilities ?? throw new TenantValidationException("capabilities", "capabilities must list at least one of retrieve, ingest, chat, manage.");
        if (capabilities.Count is 0 or > 4)
            throw new TenantValidationException("capabilities", "capabilities must list one to four of retrieve, ingest, chat, manage, each once.");
        for (var i = 0; i < capabilities.Count; i++)
        {
            if (!Enum.IsDefined(capabilities[i]))
                throw new TenantValidationException($"capabilities[{i}]", $"capabilities[{i}] must be one of retrieve, ingest, chat, manage.");
            for (var j = 0; j < i; j++)
            {
                if (capabilities[j] == capabilities[i])
                    throw new TenantValidationException($"capabilities[{i}]", $"capabilities[{i}] repeats capabilities[{j}]; list each capability once.");
            }
        }

        if (spec.KnowledgeBaseIds is { } ids)
        {
            if (ids.Count is 0 or > MaxKnowledgeBaseIds)
                throw new TenantValidationException("knowledgeBaseIds", $"knowledgeBaseIds must list 1 to {MaxKnowledgeBaseIds} knowledge-base ids, or be left out for all of them.");
            for (var i = 0; i < ids.Count; i++)
            {
                if (string.IsNullOrEmpty(ids[i]))
                    throw new TenantValidationException($"knowledgeBaseIds[{i}]", $"knowledgeBaseIds[{i}] must not be empty.");
                CheckText($"knowledgeBaseIds[{i}]", ids[i], MaxKnowledgeBaseIdLength);
            }
        }

        if (spec.ExpiresAt is { } expiresAt && expiresAt <= now)
            throw new TenantValidationException("expiresAt", $"expiresAt must be in the future (now is {now:O}).");
        return spec;
    }

    private static void CheckText(string field, string value, int maxLength)
    {
        if (value.Length > maxLength)
            throw new TenantValidationException(field, $"{field} must be at most {maxLength} characters (got {value.Length}).");
        if (!StorableText.Is(value))
            throw new TenantValidationException(field, $"{field} {StorableText.Problem}");
    }
}
