using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.CardRendering;

/// <summary>
/// Fills an Adaptive Card template with data. The project does not reference AdaptiveCards.Templating
/// (docs/architecture.md says why), so this handles by hand the subset of its language the cards use:
/// <c>${path}</c> in strings (a string that is only <c>${path}</c> takes the value's JSON type),
/// <c>${$root.path}</c>, <c>"$data": "${array}"</c> on an array element to repeat it per item, and
/// <c>"$when": "${path}"</c> to drop an element whose value is false, null or empty.
/// Templates stay valid for the real library, which the card validator uses.
/// </summary>
public static partial class CardTemplate
{
    public static JObject Expand(JObject template, JObject data) =>
        (JObject)ExpandToken(template, data, data)!;

    private static JToken? ExpandToken(JToken token, JToken scope, JObject root) => token switch
    {
        JObject obj => ExpandObject(obj, scope, root),
        JArray array => ExpandArray(array, scope, root),
        JValue { Type: JTokenType.String } value => ExpandString((string)value!, scope, root),
        _ => token.DeepClone(),
    };

    private static JObject? ExpandObject(JObject obj, JToken scope, JObject root)
    {
        if (obj.TryGetValue("$when", out var when) && !IsTruthy(ExpandString((string?)when ?? string.Empty, scope, root)))
        {
            return null;
        }

        var result = new JObject();
        foreach (var property in obj.Properties())
        {
            if (property.Name is "$when" or "$data")
            {
                continue;
            }

            var expanded = ExpandToken(property.Value, scope, root);
            if (expanded is not null)
            {
                result[property.Name] = expanded;
            }
        }

        return result;
    }

    private static JArray ExpandArray(JArray array, JToken scope, JObject root)
    {
        var result = new JArray();
        foreach (var item in array)
        {
            if (item is JObject obj && obj.TryGetValue("$data", out var dataExpression))
            {
                var items = ExpandString((string?)dataExpression ?? string.Empty, scope, root);
                foreach (var itemScope in items is JArray many ? many.ToList() : [items])
                {
                    if (ExpandObject(obj, itemScope, root) is { } repeated)
                    {
                        result.Add(repeated);
                    }
                }
            }
            else if (ExpandToken(item, scope, root) is { } expanded)
            {
                result.Add(expanded);
            }
        }

        return result;
    }

    private static JToken ExpandString(string text, JToken scope, JObject root)
    {
        var whole = WholeExpression().Match(text);
        if (whole.Success)
        {
            return Resolve(whole.Groups[1].Value, scope, root)?.DeepClone() ?? JValue.CreateNull();
        }

        return new JValue(Expression().Replace(text, match => Resolve(match.Groups[1].Value, scope, root)?.ToString() ?? string.Empty));
    }

    private static JToken? Resolve(string path, JToken scope, JObject root)
    {
        var current = scope;
        var parts = path.Trim().Split('.');
        var start = 0;
        if (parts[0] == "$root")
        {
            current = root;
            start = 1;
        }

        for (var i = start; i < parts.Length; i++)
        {
            current = (current as JObject)?[parts[i]];
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    private static bool IsTruthy(JToken value) => value.Type switch
    {
        JTokenType.Null or JTokenType.Undefined => false,
        JTokenType.Boolean => (bool)value,
        JTokenType.String => !string.IsNullOrEmpty((string?)value) && (string?)value != "false",
        JTokenType.Array => value.HasValues,
        _ => true,
    };

    [GeneratedRegex(@"^\$\{([^}]+)\}$")]
    private static partial Regex WholeExpression();

    [GeneratedRegex(@"\$\{([^}]+)\}")]
    private static partial Regex Expression();
}
