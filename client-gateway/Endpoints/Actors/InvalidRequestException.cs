namespace Cluster.Gateway.Endpoints.Actors;

/// <summary>A request body does not have the expected shape; <see cref="Field"/> names where (a 400 naming the field).</summary>
public sealed class InvalidRequestException(string field, string reason, Exception? innerException = null)
    : Exception($"{field}: {reason}", innerException)
{
    public string Field { get; } = field;
}
