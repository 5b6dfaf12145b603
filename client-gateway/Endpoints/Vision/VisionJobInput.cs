using System.Text.Json;
using Cluster.GrainInterfaces.Vision;
using Cluster.Grains.Vision;
using Cluster.Grains.Vision.Jobs;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Cluster.Grains.Vision.Preprocessing;

namespace Cluster.Gateway.Endpoints.Vision;

/// <summary>
/// Reads a job from JSON (<see cref="VisionJobBody"/>) or multipart form data (a file part "image" and fields of the
/// same names) and validates it before any grain call, naming the offending field: a refused job changes nothing.
/// </summary>
internal static class VisionJobInput
{
    public const int MaxTenantLength = 64;
    public const string DefaultTenant = "default";

    public static async Task<VisionJobRequest> ReadAsync(HttpRequest request, IOptions<JsonOptions> json, RgbDecoder decoder, TimeProvider time)
    {
        if (request.HasFormContentType)
            return await FromFormAsync(request, decoder, time);
        if (request.HasJsonContentType())
        {
            var body = await JsonSerializer.DeserializeAsync<VisionJobBody>(request.Body, json.Value.SerializerOptions, request.HttpContext.RequestAborted)
                ?? throw new VisionValidationException("$", "must be a JSON object with model, task and image.");
            return Validate(body.Model, body.Task, Base64(body.Image), body.Priority, body.Deadline, body.Tenant, decoder, time);
        }

        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any()))
            throw new BadHttpRequestException("A job needs a body.", StatusCodes.Status400BadRequest);
        throw new BadHttpRequestException("Jobs are JSON or multipart/form-data.", StatusCodes.Status415UnsupportedMediaType);
    }

    private static async Task<VisionJobRequest> FromFormAsync(HttpRequest request, RgbDecoder decoder, TimeProvider time)
    {
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var file = form.Files.GetFile("image") ?? throw new VisionValidationException("image", "is required: send the image as a file part named 'image'.");
        using var buffer = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
        await file.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        int? priority = null;
        if (form["priority"].ToString() is { Length: > 0 } text)
        {
            priority = int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p)
                ? p
                : throw new VisionValidationException("priority", $"'{text}' is not a whole number.");
        }

        DateTimeOffset? deadline = null;
        if (form["deadline"].ToString() is { Length: > 0 } at)
        {
            deadline = DateTimeOffset.TryParse(at, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
                ? d
                : throw new VisionValidationException("deadline", $"'{at}' is not an ISO 8601 time such as 2030-01-01T12:00:00Z.");
        }

        return Validate(form["model"], form["task"], buffer.ToArray(), priority, deadline, form["tenant"], decoder, time);
    }

    private static byte[] Base64(string? image)
    {
        if (string.IsNullOrEmpty(image))
            throw new VisionValidationException("image", "is required: the image file's bytes as base64 (JPEG, PNG or BMP).");
        var bytes = new byte[image.Length * 3 / 4];
        return Convert.TryFromBase64String(image, bytes, out var written)
            ? bytes[..written]
            : throw new VisionValidationException("image", "is not valid base64.");
    }

    private static VisionJobRequest Validate(string? model, string? task, byte[] image, int? priority, DateTimeOffset? deadline, string? tenant, RgbDecoder decoder, TimeProvider time)
    {
        JobRules.CheckModelName(model, "model");
        var kind = task switch
        {
            "classify" => VisionTask.Classify,
            "embed" => VisionTask.Embed,
            _ => throw new VisionValidationException("task", $"must be \"classify\" or \"embed\"; got {(task is null ? "nothing" : $"\"{task}\"")}."),
        };
        var level = priority ?? (int)VisionPriority.Normal;
        JobRules.CheckPriority(level);
        JobRules.CheckDeadline(deadline, time.GetUtcNow());
        if (tenant is not null && !IsTenant(tenant))
            throw new VisionValidationException("tenant", $"must be 1-{MaxTenantLength} characters of A-Z, a-z, 0-9, '-', '_' or '.' when given.");
        CheckImage(image, decoder);
        return new VisionJobRequest(model!, kind, image, level, deadline, tenant ?? DefaultTenant);
    }

    /// <summary>Tenants name fair-share lanes and appear in meters: a short ASCII alphabet.</summary>
    private static bool IsTenant(string tenant)
    {
        if (tenant.Length is 0 or > MaxTenantLength)
            return false;
        foreach (var c in tenant)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
                return false;
        }

        return true;
    }

    /// <summary>The gpu silos' decoder's checks from the header alone; pixels are decoded on the gpu silo.</summary>
    private static void CheckImage(byte[] image, RgbDecoder decoder)
    {
        try
        {
            decoder.Inspect(image);
        }
        catch (ImageDecodeException e)
        {
            throw new VisionValidationException("image", e.Reason);
        }
    }
}
