using System.Globalization;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.DialogEngine;

/// <summary>
/// Reads values saved in dialog state with tolerant types: storage may give back an int as a long,
/// or a typed object as a JObject, depending on the IStorage implementation.
/// </summary>
public static class StateValue
{
    public static T? To<T>(object? value)
    {
        switch (value)
        {
            case null:
                return default;
            case T typed:
                return typed;
            case JToken token:
                return token.Type == JTokenType.Null ? default : token.ToObject<T>();
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(target) && !target.IsEnum)
        {
            return (T)Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }

        return JToken.FromObject(value).ToObject<T>();
    }

    /// <summary>Reads <paramref name="key"/> from a state dictionary, or <paramref name="fallback"/> when absent.</summary>
    public static T? GetValue<T>(this IDictionary<string, object?> state, string key, T? fallback = default) =>
        state.TryGetValue(key, out var value) && value is not null ? To<T>(value) : fallback;

    /// <summary>
    /// Reads <paramref name="key"/> as <typeparamref name="T"/> and stores the converted object back,
    /// so that changes made to it during the turn are the ones saved.
    /// </summary>
    internal static T GetOrCreate<T>(IDictionary<string, object?> state, string key)
        where T : class, new()
    {
        if (state.TryGetValue(key, out var raw) && raw is T typed)
        {
            return typed;
        }

        var converted = To<T>(raw) ?? new T();
        state[key] = converted;
        return converted;
    }
}
