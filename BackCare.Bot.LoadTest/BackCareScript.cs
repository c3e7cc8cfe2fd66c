using System.Text.Json.Nodes;
using BackCare.Bot.Content;
using BackCare.Bot.DialogEngine.Choices;
using BackCare.Bot.Dialogs;
using BackCare.Bot.Hosting;

namespace BackCare.Bot.LoadTest;

/// <summary>
/// A new user's whole visit: the welcome, the safety screening answered "no" to every question and
/// "about 3 days" for how long it has hurt, a technique walked through step by step with the cards'
/// Next button (Teams' Action.Submit: a message with only a Value), how it went, then a question.
/// Questions and cards are recognised from the bot's own content, as its tests do
/// (BackCare.Bot.Tests/Conversation/ScreeningDriver.cs), and the buttons pressed are the data the
/// cards carry, as a client would send it.
/// With <paramref name="answerByButtons"/> (the card-button script) the screening's yes/no questions are
/// answered by card submits (<c>{"choice": "No"}</c>, what the prompt's Adaptive Card buttons send) and the
/// visit ends with the walkthrough's Finish: every turn after the menu choice is a card button except the
/// screening's "how long", which has no buttons.
/// </summary>
internal sealed class BackCareScript(KnowledgeBase knowledge, bool answerByButtons = false) : IConversationScript
{
    /// <summary>The welcome, then the menu.</summary>
    public const int RepliesToJoin = 2;

    /// <summary>What the screening is, then its first question.</summary>
    public const int RepliesToStart = 2;

    /// <summary>After the last answer: nothing rules anything out, what is kept about the user, and the choice of technique.</summary>
    public const int RepliesToLastAnswer = 3;

    public const string DurationAnswer = "about 3 days";

    public const string Question = "is foam rolling better than stretching?";

    /// <summary>The screening's yes/no buttons' title for no, sent as the choice a card button carries.</summary>
    public const string NoButton = "No";

    private BotMessages Messages => knowledge.Messages;

    /// <summary>One "does any of this apply?" check per level and the duration question: what "no" to everything asks.</summary>
    private int QuestionCount => ScreeningDialog.AnswersWhenClear(knowledge.Screening);

    public bool IsFailure(Reply reply) =>
        reply.Text is { } text && (TurnErrorHandler.IsErrorReply(Messages, text) || text == Messages.ConcurrentUpdate || text == Messages.StorageUnavailable);

    /// <summary>The user joins: the welcome, then the menu.</summary>
    public async Task JoinAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        var replies = await conversation.JoinAsync(RepliesToJoin, cancellationToken).ConfigureAwait(false);
        Expect(Last(replies, "join").Text == Messages.MenuPrompt, "the welcome did not end with the menu", replies);
    }

    public async Task RunAsync(Conversation conversation, int iteration, CancellationToken cancellationToken)
    {
        await JoinAsync(conversation, cancellationToken).ConfigureAwait(false);

        var replies = await conversation.SayAsync(Messages.MenuTechniques, RepliesToStart, cancellationToken).ConfigureAwait(false);
        var picker = await ScreenAsync(conversation, replies, cancellationToken).ConfigureAwait(false);

        // Each iteration another technique, so that every walkthrough is exercised.
        var technique = knowledge.Techniques[iteration % knowledge.Techniques.Count];
        var choice = picker.SubmitData().FirstOrDefault(d => (string?)d["choice"] == technique.Name)
            ?? throw new ScriptException($"the technique card has no button for {technique.Name}");
        replies = await conversation.SubmitAsync(choice, 1, cancellationToken).ConfigureAwait(false);

        for (var step = 0; step < technique.Steps.Count; step++)
        {
            var card = Last(replies, $"step {step + 1}");
            var next = card.SubmitData().FirstOrDefault(d => (string?)d["action"] == "next")
                ?? throw new ScriptException($"step {step + 1} of {technique.Id}: no Next button in {card}");
            Expect((string?)next["technique"] == technique.Id && (int?)next["step"] == step, $"expected step {step + 1} of {technique.Id}, the card has {next.ToJsonString()}", replies);
            // Next changes the card (a new one, or the same one updated); Finish also closes it in place where it can.
            var finishing = step == technique.Steps.Count - 1;
            replies = await conversation.SubmitAsync(next, finishing && conversation.CardsUpdateInPlace ? 2 : 1, cancellationToken).ConfigureAwait(false);
        }

        Expect(Last(replies, "finish").Text == Messages.FinishedPrompt, "no \"how does it feel\" after the last step", replies);
        if (answerByButtons)
        {
            return;
        }

        replies = await conversation.SayAsync(Messages.FeltBetter, 1, cancellationToken).ConfigureAwait(false);
        Expect(Last(replies, "feedback").Text == Messages.FeltBetterReply, "no answer to \"better\"", replies);

        replies = await conversation.SayAsync(Question, 1, cancellationToken).ConfigureAwait(false);
        Expect(Last(replies, "question").Card is not null, "the question got no answer card", replies);
    }

    /// <summary>Answers the screening from its first question; returns the card offering the techniques.</summary>
    private async Task<Reply> ScreenAsync(Conversation conversation, List<Reply> replies, CancellationToken cancellationToken)
    {
        for (var answered = 0; ; answered++)
        {
            var last = Last(replies, $"screening answer {answered}");
            if (last.SubmitData().Any(d => d["choice"] is not null))
            {
                Expect(answered == QuestionCount, $"the screening ended after {answered} answers, not {QuestionCount}", replies);
                return last;
            }

            var text = last.Text ?? string.Empty;
            var duration = knowledge.Screening.Duration;
            var askedHowLong = text.Contains(duration.Text, StringComparison.Ordinal) || text.Contains(duration.RetryText, StringComparison.Ordinal);
            if (!askedHowLong && !knowledge.Screening.Checks.Any(c => text.Contains(c.Text, StringComparison.Ordinal)))
            {
                throw new ScriptException($"after {answered} screening answers the bot said \"{text}\"");
            }

            Expect(answered < QuestionCount, $"more than {QuestionCount} screening questions", replies);

            var expected = answered + 1 == QuestionCount ? RepliesToLastAnswer : 1;
            replies = askedHowLong
                ? await conversation.SayAsync(DurationAnswer, expected, cancellationToken).ConfigureAwait(false)
                : answerByButtons
                    ? await conversation.SubmitAsync(new JsonObject { [ChoiceFactory.SubmitChoiceKey] = NoButton }, expected, cancellationToken).ConfigureAwait(false)
                    : await conversation.SayAsync("no", expected, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Reply Last(List<Reply> replies, string turn) =>
        replies.Count > 0 ? replies[^1] : throw new ScriptException($"{turn}: no reply");

    private static void Expect(bool condition, string problem, List<Reply> replies)
    {
        if (!condition)
        {
            throw new ScriptException($"{problem} (replies: {string.Join(" | ", replies)})");
        }
    }
}
