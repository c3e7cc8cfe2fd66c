namespace BackCare.Bot.LoadTest;

/// <summary>
/// The echo baseline's conversation: join (one welcome), then messages that each come back once. Given the
/// free-text questions, it sends those (the same sizes of message as BackCare gets); otherwise short numbered ones.
/// </summary>
internal sealed class EchoScript(FreeTextQuestions? questions = null) : IConversationScript
{
    /// <summary>About as many turns as a BackCare conversation, so both open and close conversations as often.</summary>
    public const int Messages = 24;

    public bool IsFailure(Reply reply) => reply.Text == EchoBot.ErrorMessage;

    public async Task RunAsync(Conversation conversation, int iteration, CancellationToken cancellationToken)
    {
        var replies = await conversation.JoinAsync(1, cancellationToken).ConfigureAwait(false);
        if (replies.Count == 0 || replies[^1].Text != EchoBot.Welcome)
        {
            throw new ScriptException("no welcome");
        }

        for (var i = 1; i <= Messages; i++)
        {
            var text = questions?.Next() ?? $"message {i} of conversation {iteration}";
            replies = await conversation.SayAsync(text, 1, cancellationToken).ConfigureAwait(false);
            if (replies.Count == 0 || replies[^1].Text != EchoBot.EchoOf(text))
            {
                throw new ScriptException($"\"{text}\" was not echoed");
            }
        }
    }
}
