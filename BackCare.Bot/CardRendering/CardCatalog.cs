using BackCare.Bot.Content;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.CardRendering;

/// <summary>
/// The Adaptive Card templates of the top-level Cards/ folder, read once at start-up. A missing or
/// malformed template, or one with a local help token that does not exist, fails start-up with the file named,
/// rather than a turn later.
/// </summary>
public sealed class CardCatalog
{
    public const string Step = "step";
    public const string Urgent = "urgent";
    public const string Tips = "tips";
    public const string Answer = "answer";
    public const string Techniques = "techniques";
    public const string Reminder = "reminder";

    private static readonly string[] Required = [Step, Urgent, Tips, Answer, Techniques, Reminder];

    private readonly Dictionary<string, JObject> _templates;

    private CardCatalog(Dictionary<string, JObject> templates)
    {
        _templates = templates;
    }

    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "Cards");

    public static CardCatalog Load(string directory)
    {
        var templates = new Dictionary<string, JObject>(StringComparer.Ordinal);
        foreach (var name in Required)
        {
            var path = Path.Combine(directory, name + ".json");
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"Card template {path} is missing.");
            }

            try
            {
                templates[name] = JObject.Parse(File.ReadAllText(path));
            }
            catch (Newtonsoft.Json.JsonReaderException e)
            {
                throw new InvalidOperationException($"Card template {path} is not valid JSON: {e.Message}", e);
            }

            var unknown = templates[name].Descendants().OfType<JValue>()
                .SelectMany(v => v.Value is string text ? LocalHelpTokens.NamesIn(text) : [])
                .FirstOrDefault(token => !LocalHelpTokens.Names.Contains(token, StringComparer.Ordinal));
            if (unknown is not null)
            {
                throw new InvalidOperationException($"Card template {path} has [[{unknown}]], which is not a local help token ({string.Join(", ", LocalHelpTokens.Names)}).");
            }
        }

        return new CardCatalog(templates);
    }

    /// <summary>The card <paramref name="name"/> filled with <paramref name="data"/>, as an attachment.</summary>
    public Attachment Render(string name, JObject data) => new()
    {
        ContentType = "application/vnd.microsoft.card.adaptive",
        Content = CardTemplate.Expand(_templates[name], data),
    };
}
