namespace BackCare.Bot.LoadTest;

/// <summary>The replies the fake connector has received for one conversation and nobody has taken yet.</summary>
internal sealed class ConversationInbox
{
    private readonly object _gate = new();
    private List<Reply> _replies = [];

    public void Add(Reply reply)
    {
        lock (_gate)
        {
            _replies.Add(reply);
        }
    }

    /// <summary>Everything received so far, in arrival order; the inbox is then empty.</summary>
    public List<Reply> Take()
    {
        lock (_gate)
        {
            var taken = _replies;
            _replies = [];
            return taken;
        }
    }
}
