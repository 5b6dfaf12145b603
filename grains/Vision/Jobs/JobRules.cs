using Cluster.GrainInterfaces.Vision;
using Cluster.Grains.Vision.Models;

namespace Cluster.Grains.Vision.Jobs;

/// <summary>The checks a job passes at the gateway and again at its device manager, with one wording for both.</summary>
public static class JobRules
{
    public static void CheckModelName(string? name, string field)
    {
        if (!ModelNames.IsValid(name))
        {
            throw new VisionValidationException(field,
                $"must name a model (1-{ModelNames.MaxLength} characters of a-z, 0-9, '-', '_', '.'), e.g. \"resnet18\"; GET /api/v1/vision/models lists them.");
        }
    }

    public static void CheckPriority(int priority)
    {
        if (!Enum.IsDefined((VisionPriority)priority))
            throw new VisionValidationException("priority", $"must be 1 (critical), 2 (high), 5 (normal), 8 (low) or 10 (background); got {priority}.");
    }

    public static void CheckDeadline(DateTimeOffset? deadline, DateTimeOffset now)
    {
        if (deadline is { } due && due <= now)
            throw new VisionValidationException("deadline", $"{due:O} has already passed.");
    }
}
