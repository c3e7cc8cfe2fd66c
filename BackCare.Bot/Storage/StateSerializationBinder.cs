using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace BackCare.Bot.Storage;

/// <summary>
/// Decides which <c>$type</c>s stored state may name. State is written with TypeNameHandling.All so that it
/// comes back typed, as MemoryStorage gives it back; but honouring any <c>$type</c> in data read from a file or
/// a blob container lets whoever can write there make the bot instantiate arbitrary .NET types (the classic
/// Json.NET deserialization gadgets, e.g. types that start processes or load files in a setter). So only types
/// the bot itself stores are allowed: the bot's own assemblies (BackCare.*), the Bot Framework's
/// (Microsoft.Bot.*), primitives, enums and the generic System collections. Anything else is refused, and
/// <see cref="StateJsonSerializer"/> then reads the item as plain JSON instead.
/// </summary>
internal sealed partial class StateSerializationBinder : ISerializationBinder
{
    private static readonly HashSet<string> FrameworkAssemblies = new(StringComparer.Ordinal)
    {
        "System.Private.CoreLib", "mscorlib", "netstandard", "System.Runtime", "System.Collections", "System.ObjectModel", "System.Private.Uri",
    };

    private static readonly HashSet<Type> AllowedSystemTypes =
    [
        typeof(object), typeof(string), typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan),
        typeof(DateOnly), typeof(TimeOnly), typeof(Guid), typeof(Uri), typeof(Nullable<>),
    ];

    private static readonly HashSet<string> AllowedCollectionNamespaces = new(StringComparer.Ordinal)
    {
        "System.Collections.Generic", "System.Collections.ObjectModel",
    };

    /// <summary>The most allowed types remembered: stored data cannot grow the cache without bound.</summary>
    private const int MaxCachedTypes = 512;

    private readonly DefaultSerializationBinder _resolver = new();

    /// <summary>Allowed types already resolved: every state read names the same few types, and checking one costs reflection.</summary>
    private readonly ConcurrentDictionary<(string? Assembly, string Type), Type> _allowed = new();

    public static StateSerializationBinder Instance { get; } = new();

    public Type BindToType(string? assemblyName, string typeName)
    {
        if (_allowed.TryGetValue((assemblyName, typeName), out var known))
        {
            return known;
        }

        var type = Resolve(assemblyName, typeName);

        // Only allowed names are kept: a refused one has thrown.
        if (_allowed.Count < MaxCachedTypes)
        {
            _allowed.TryAdd((assemblyName, typeName), type);
        }

        return type;
    }

    private Type Resolve(string? assemblyName, string typeName)
    {
        // Check the names before resolving: resolving loads the named assemblies.
        if (assemblyName is not null && !IsAllowedAssembly(assemblyName))
        {
            throw Refused(typeName, assemblyName);
        }

        foreach (Match nested in NestedAssemblyName().Matches(typeName))
        {
            if (!IsAllowedAssembly(nested.Groups["assembly"].Value.Trim()))
            {
                throw Refused(typeName, assemblyName);
            }
        }

        var type = _resolver.BindToType(assemblyName, typeName);
        return IsAllowed(type) ? type : throw Refused(typeName, assemblyName);
    }

    public void BindToName(Type serializedType, out string? assemblyName, out string? typeName) =>
        _resolver.BindToName(serializedType, out assemblyName, out typeName);

    internal static bool IsAllowed(Type type)
    {
        if (type.IsArray)
        {
            return IsAllowed(type.GetElementType()!);
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            return IsAllowed(type.GetGenericTypeDefinition()) && type.GetGenericArguments().All(IsAllowed);
        }

        if (type.IsPrimitive || type.IsEnum || AllowedSystemTypes.Contains(type))
        {
            return true;
        }

        var assembly = type.Assembly.GetName().Name ?? string.Empty;
        if (IsOwnOrBotFramework(assembly))
        {
            return true;
        }

        return FrameworkAssemblies.Contains(assembly) && type.Namespace is { } ns && AllowedCollectionNamespaces.Contains(ns);
    }

    private static bool IsAllowedAssembly(string assemblyName)
    {
        // Newtonsoft writes simple names, but accept a full display name too.
        var simple = assemblyName.Split(',')[0].Trim();
        return FrameworkAssemblies.Contains(simple) || IsOwnOrBotFramework(simple);
    }

    private static bool IsOwnOrBotFramework(string assemblyName) =>
        assemblyName == "BackCare.Bot"
        || assemblyName.StartsWith("BackCare.", StringComparison.Ordinal)
        || assemblyName.StartsWith("Microsoft.Bot.", StringComparison.Ordinal);

    private static JsonSerializationException Refused(string typeName, string? assemblyName) =>
        new($"Stored state names the type '{typeName}, {assemblyName}', which is not allowed to be read back.");

    /// <summary>The assembly of each generic argument in a type name: "[TypeName, AssemblyName(, Version=…)]".</summary>
    [GeneratedRegex(@"\[(?<type>[^\[\],]+),(?<assembly>[^\[\],]+)(?:,[^\[\]]*)?\]")]
    private static partial Regex NestedAssemblyName();
}
