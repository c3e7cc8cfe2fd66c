namespace BackCare.Bot.LoadTest;

/// <summary>
/// A new user joins and types questions, every one different (<see cref="FreeTextQuestions"/>), so each
/// turn goes through the whole free-text path (the router, and whatever it starts: an answer, a question
/// back, a technique's screening, a re-asked prompt) and no cache can answer it. What the bot says cannot
/// be scripted, so each question needs at least one visible reply and an error reply fails the turn.
/// </summary>
internal sealed class FreeTextScript(BackCareScript visit, FreeTextQuestions questions) : IConversationScript
{
    /// <summary>As many turns as the echo baseline's conversation, so both open and close conversations as often.</summary>
    public const int Messages = EchoScript.Messages;

    public bool IsFailure(Reply reply) => visit.IsFailure(reply);

    public async Task RunAsync(Conversation conversation, int iteration, CancellationToken cancellationToken)
    {
        await visit.JoinAsync(conversation, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < Messages; i++)
        {
            var text = questions.Next();
            var replies = await conversation.SayFreelyAsync(text, 1, cancellationToken).ConfigureAwait(false);
            if (!replies.Any(r => !string.IsNullOrWhiteSpace(r.Text) || r.Card is not null))
            {
                throw new ScriptException($"\"{text}\" got nothing to read (replies: {string.Join(" | ", replies)})");
            }
        }
    }
}
