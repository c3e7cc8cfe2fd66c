using System.Globalization;
using System.Text;
using BackCare.Bot.Content;
using BackCare.Bot.DialogEngine.Choices;
using BackCare.Bot.Pictures;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.CardRendering;

/// <summary>
/// Builds the bot's messages from the knowledge and the card templates: an Adaptive Card where the
/// channel shows them, the same content as text with suggested actions where it does not. A step card shows the
/// step's picture from <see cref="StepImageUrls"/>; its text says everything without it.
/// </summary>
public sealed class BackCareReplies(KnowledgeBase knowledge, CardCatalog cards, StepImageUrls stepImages)
{
    /// <summary>The walkthrough's button actions; a step card's submit data carries one as "action".</summary>
    public const string ActionNext = "next";
    public const string ActionBack = "back";
    public const string ActionHurts = "hurts";
    public const string ActionStop = "stop";

    public KnowledgeBase Knowledge { get; } = knowledge;

    public BotMessages Messages => Knowledge.Messages;

    public static bool ShowsCards(ITurnContext turnContext) => ChannelCapabilities.SupportsAdaptiveCards(turnContext.Activity.ChannelId);

    public IMessageActivity Text(string text) => MessageFactory.Text(text);

    public IMessageActivity Format(string format, params object[] values) =>
        MessageFactory.Text(string.Format(CultureInfo.InvariantCulture, format, values));

    public IMessageActivity Step(ITurnContext turnContext, Technique technique, int index)
    {
        var step = technique.Steps[index];
        var isLast = index == technique.Steps.Count - 1;
        var nextTitle = isLast ? "Finish" : "Next";
        if (ShowsCards(turnContext))
        {
            return MessageFactory.Attachment(cards.Render(CardCatalog.Step, StepCardData(technique, index, status: null)));
        }

        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{technique.Name}: step {index + 1} of {technique.Steps.Count}, {step.Title}\n\n{step.Text}");
        if (step.Hold is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n\nHold for {step.Hold}.");
        }

        if (TakeCare(technique, index) is { } takeCare)
        {
            text.Append("\n\nTake care:\n\n").Append(takeCare);
        }

        string[] buttons = index > 0 ? ["Back", nextTitle, "This hurts", "Stop"] : [nextTitle, "This hurts", "Stop"];
        return MessageFactory.SuggestedActions(buttons.Select(b => new CardAction(ActionTypes.ImBack, b, value: b)).ToList(), text.ToString(), null, null);
    }

    /// <summary>
    /// A step card with its buttons gone and <paramref name="status"/> as its last line: what a live step card becomes
    /// once the walkthrough has moved on, so an old card cannot be pressed. Only ever shown by updating a card in place.
    /// </summary>
    public IMessageActivity ClosedStep(Technique technique, int index, string status) =>
        MessageFactory.Attachment(cards.Render(CardCatalog.Step, StepCardData(technique, index, status)));

    /// <summary>The emergency advice at the end of a screening or on a red flag: where to go now, how, and what to say.</summary>
    public IMessageActivity Urgent(ITurnContext turnContext) => UrgentAdvice(turnContext, Knowledge.Screening.Outcomes.Emergency);

    /// <summary>After an emergency answer: the advice again, in short, with "I answered by mistake" (never "start again").</summary>
    public IMessageActivity UrgentReminder(ITurnContext turnContext) => UrgentAdvice(turnContext, Messages.UrgentReminder);

    /// <summary>
    /// <paramref name="text"/>, then not driving oneself and the cauda equina line: each its own line, so someone in
    /// pain can act on it at a glance. The numbers are local help tokens, filled in for the user's locale on sending.
    /// </summary>
    private IMessageActivity UrgentAdvice(ITurnContext turnContext, string text)
    {
        if (ShowsCards(turnContext))
        {
            return MessageFactory.Attachment(cards.Render(CardCatalog.Urgent, new JObject
            {
                ["text"] = text,
                ["dontDrive"] = Messages.UrgentDontDrive,
                ["caudaEquina"] = Messages.UrgentCaudaEquina,
            }));
        }

        return MessageFactory.Text(string.Join("\n\n", text, Messages.UrgentDontDrive, Messages.UrgentCaudaEquina, Messages.NoTechniqueAfterEmergency));
    }

    public IMessageActivity Tips(ITurnContext turnContext)
    {
        if (ShowsCards(turnContext))
        {
            var data = new JObject
            {
                ["intro"] = Messages.TipsIntro,
                ["tellMeMore"] = Messages.TellMeMore,
                ["tips"] = new JArray(Knowledge.Tips.Select(t => new JObject { ["id"] = t.Id, ["title"] = t.Title, ["summary"] = t.Summary })),
            };
            return MessageFactory.Attachment(cards.Render(CardCatalog.Tips, data));
        }

        var text = new StringBuilder(Messages.TipsIntro);
        foreach (var tip in Knowledge.Tips)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n\n- {tip.Title}: {tip.Summary}");
        }

        return MessageFactory.Text(text.ToString());
    }

    /// <summary>
    /// The movement-break reminder: the <paramref name="sentCount"/>-th, in turn, of the prompts whose movements are all
    /// in <paramref name="allowedTags"/> (the user's screening), so nobody is prompted to do what they were advised against.
    /// </summary>
    public IMessageActivity Reminder(string channelId, int sentCount, IReadOnlyCollection<string> allowedTags)
    {
        var prompts = Messages.ReminderPrompts.Where(p => p.Tags.All(allowedTags.Contains)).ToList();
        var text = prompts[((sentCount % prompts.Count) + prompts.Count) % prompts.Count].Text;
        if (!ChannelCapabilities.SupportsAdaptiveCards(channelId))
        {
            return MessageFactory.SuggestedActions(new List<string> { Messages.ReminderStopButton }, $"{Messages.ReminderTitle}: {text}", null, null);
        }

        return MessageFactory.Attachment(cards.Render(CardCatalog.Reminder, ReminderCardData(text, status: null)));
    }

    /// <summary>A reminder card once one of its buttons was pressed: the title and <paramref name="status"/>, no buttons. Only shown by updating the card.</summary>
    public IMessageActivity ClosedReminder(string status) =>
        MessageFactory.Attachment(cards.Render(CardCatalog.Reminder, ReminderCardData(text: string.Empty, status)));

    private JObject ReminderCardData(string text, string? status) => new()
    {
        ["title"] = Messages.ReminderTitle,
        ["text"] = text,
        ["done"] = Messages.ReminderDoneButton,
        ["snooze"] = Messages.ReminderSnoozeButton,
        ["stop"] = Messages.ReminderStopButton,
        ["open"] = status is null,
        ["status"] = status,
    };

    private JObject StepCardData(Technique technique, int index, string? status)
    {
        var step = technique.Steps[index];
        var open = status is null;

        // A closed card keeps its title and status only, so it loses the picture with the text.
        var image = open ? stepImages.For(technique, index) : null;
        return new JObject
        {
            ["techniqueId"] = technique.Id,
            ["techniqueName"] = technique.Name,
            ["title"] = step.Title,
            ["stepNumber"] = index + 1,
            ["stepCount"] = technique.Steps.Count,
            ["stepIndex"] = index,
            ["text"] = step.Text,
            ["hold"] = open ? step.Hold?.ToString() : null,
            ["hasBack"] = open && index > 0,
            ["nextTitle"] = index == technique.Steps.Count - 1 ? "Finish" : "Next",
            ["open"] = open,
            ["status"] = status,
            ["takeCare"] = open ? TakeCare(technique, index) : null,
            ["imageUrl"] = image?.Url,
            ["imageAlt"] = image?.AltText,
        };
    }

    /// <summary>The technique's own cautions as a list, shown once, on its first step; null on the others.</summary>
    private static string? TakeCare(Technique technique, int index) =>
        index == 0 && technique.Cautions.Count > 0 ? string.Join("\n", technique.Cautions.Select(c => "- " + c)) : null;

    /// <summary>What a technique needs, as a phrase ("a steady chair; a cushion"), or null when it needs nothing.</summary>
    private static string? EquipmentOf(Technique technique) =>
        technique.Equipment.Count == 0
            ? null
            : string.Join("; ", technique.Equipment.Select(e => char.ToLowerInvariant(e[0]) + e[1..]));

    public IMessageActivity TipDetail(Tip tip) => MessageFactory.Text($"{tip.Title}: {tip.More}");

    public IMessageActivity Answer(ITurnContext turnContext, Answer answer)
    {
        if (ShowsCards(turnContext))
        {
            var data = new JObject
            {
                ["id"] = answer.Id,
                ["question"] = answer.Question,
                ["text"] = answer.Text,
                ["hasMore"] = !string.IsNullOrWhiteSpace(answer.More),
                ["tellMeMore"] = Messages.TellMeMore,
            };
            return MessageFactory.Attachment(cards.Render(CardCatalog.Answer, data));
        }

        return string.IsNullOrWhiteSpace(answer.More)
            ? MessageFactory.Text(answer.Text)
            : MessageFactory.SuggestedActions([new CardAction(ActionTypes.ImBack, Messages.TellMeMore, value: Messages.TellMeMore)], answer.Text, null, null);
    }

    /// <summary>The technique picker: a card with each allowed technique on card channels, else the prompt text alone.</summary>
    public Activity TechniqueChoicePrompt(ITurnContext turnContext, IReadOnlyList<Technique> techniques)
    {
        if (!ShowsCards(turnContext))
        {
            return (Activity)MessageFactory.Text(Messages.ChooseTechniquePrompt);
        }

        var data = new JObject
        {
            ["prompt"] = Messages.ChooseTechniquePrompt,
            ["techniques"] = new JArray(techniques.Select(t => new JObject { ["name"] = t.Name, ["summary"] = t.Summary, ["whereAndWhen"] = t.WhereAndWhen, ["equipment"] = EquipmentOf(t) })),
        };
        var message = (Activity)MessageFactory.Attachment(cards.Render(CardCatalog.Techniques, data));
        return message;
    }

    /// <summary>The technique picker once a technique was started from it: the prompt and which one, no buttons. Only shown by updating the card.</summary>
    public IMessageActivity ClosedTechniquePicker(Technique picked) =>
        MessageFactory.Attachment(cards.Render(CardCatalog.Techniques, new JObject
        {
            ["prompt"] = Messages.ChooseTechniquePrompt,
            ["status"] = string.Format(CultureInfo.InvariantCulture, Messages.TechniquePicked, picked.Name),
            ["techniques"] = new JArray(),
        }));

    /// <summary>The short title a routing id is shown with in "did you mean" buttons.</summary>
    public string TitleOf(string intent) =>
        Knowledge.FindAnswer(intent)?.Question
        ?? Knowledge.FindTip(intent)?.Title
        ?? Knowledge.FindTechnique(intent)?.Name
        ?? intent;
}
