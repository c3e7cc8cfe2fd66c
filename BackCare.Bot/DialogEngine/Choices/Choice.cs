using Microsoft.Bot.Schema;

namespace BackCare.Bot.DialogEngine.Choices;

/// <summary>One option of a choice prompt.</summary>
public sealed class Choice
{
    public Choice()
    {
    }

    public Choice(string value)
    {
        Value = value;
    }

    /// <summary>What the prompt returns, and what a card submit carries as <c>choice</c>.</summary>
    public string Value { get; set; } = string.Empty;

    /// <summary>The button, when it should differ from one titled with <see cref="Value"/>.</summary>
    public CardAction? Action { get; set; }

    /// <summary>Other words that pick this choice.</summary>
    public List<string>? Synonyms { get; set; }

    public string Title => string.IsNullOrWhiteSpace(Action?.Title) ? Value : Action.Title;
}
