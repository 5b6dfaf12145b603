namespace Cluster.Runtime.Membership;

/// <summary>A <see cref="RedisMembershipOptions"/> setting is invalid; <see cref="Field"/> names it.</summary>
public sealed class RedisMembershipOptionsException(string field, string problem)
    : ArgumentException($"Membership:{field} {problem}.")
{
    public string Field { get; } = field;
}
