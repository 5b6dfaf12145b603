namespace Cluster.Silo.Storage;

/// <summary>
/// The PostgreSQL storage schema could not be applied: the connection string is invalid, the database cannot be
/// reached, or the schema script failed. The silo cannot keep grain state or reminders until this is fixed.
/// </summary>
public sealed class StorageSchemaException : Exception
{
    public StorageSchemaException()
    {
    }

    public StorageSchemaException(string message)
        : base(message)
    {
    }

    public StorageSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
