namespace Cluster.Grains.ActorCore;

/// <summary>Builds the JSON-path-like field names carried by <see cref="ActorCoreValidationException.Field"/>.</summary>
public static class FieldPath
{
    /// <summary>Appends a property or dictionary key; keys that are not plain identifiers are quoted as <c>['key']</c>.</summary>
    public static string Member(string prefix, string name)
    {
        if (!IsIdentifier(name))
        {
            return $"{prefix}['{name}']";
        }

        return prefix.Length == 0 ? name : $"{prefix}.{name}";
    }

    /// <summary>Turns a System.Text.Json path (<c>$[0].primary[1]</c>) into a field name under <paramref name="root"/>.</summary>
    public static string FromJsonPath(string? jsonPath, string root)
    {
        var rest = string.IsNullOrEmpty(jsonPath) ? string.Empty : jsonPath.TrimStart('$');
        if (rest.Length == 0)
        {
            return root.Length == 0 ? "$" : root;
        }

        if (rest[0] == '.')
        {
            rest = rest[1..];
            return root.Length == 0 ? rest : $"{root}.{rest}";
        }

        return root.Length == 0 ? $"${rest}" : root + rest;
    }

    /// <summary>Re-roots a field name (<c>$</c>, <c>order[1]</c>, <c>['x'].y</c>) under <paramref name="parent"/>.</summary>
    public static string Under(string parent, string field)
    {
        if (field == "$")
        {
            return parent;
        }

        return field.StartsWith('[') ? parent + field : $"{parent}.{field}";
    }

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
