namespace BackCare.Bot.TestSupport;

/// <summary>The replies the fake connector has accepted for one conversation and nobody has taken yet.</summary>
public sealed class ConversationInbox
{
    private readonly Lock _gate = new();
    private List<ReceivedReply> _replies = [];

    public void Add(ReceivedReply reply)
    {
        lock (_gate)
        {
            _replies.Add(reply);
        }
    }

    /// <summary>Everything received so far, in arrival order; the inbox is then empty.</summary>
    public List<ReceivedReply> Take()
    {
        lock (_gate)
        {
            var taken = _replies;
            _replies = [];
            return taken;
        }
    }
}
