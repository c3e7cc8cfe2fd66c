using BackCare.Bot.Tests.Conversation;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Bots;

public sealed class TeamsBehaviourTests
{
    [Fact]
    public async Task Installing_in_Teams_welcomes_once_though_Teams_announces_it_twice()
    {
        await using var bot = new BotHarness(channelId: "msteams");
        var added = bot.Adapter.MakeActivity();
        added.Type = ActivityTypes.ConversationUpdate;
        added.Text = null;
        added.MembersAdded = [added.Recipient];
        var installed = bot.Adapter.MakeActivity();
        installed.Type = ActivityTypes.InstallationUpdate;
        installed.Text = null;
        installed.Action = "add";

        var first = await bot.SendAsync(added);
        var second = await bot.SendAsync(installed);

        Assert.True(first.Count == 2, string.Join(" | ", first.Select(a => a.Type + ":" + Replies.Text(a))));
        Assert.Equal(bot.Messages.Welcome, Replies.Text(first[0]));
        Assert.Contains(bot.Messages.MenuPrompt, Replies.Text(first[1]), StringComparison.Ordinal);
        Assert.Empty(second);
    }

    [Fact]
    public async Task An_install_announced_only_as_installationUpdate_is_welcomed()
    {
        await using var bot = new BotHarness(channelId: "msteams");
        var installed = bot.Adapter.MakeActivity();
        installed.Type = ActivityTypes.InstallationUpdate;
        installed.Text = null;
        installed.Action = "add";

        var replies = await bot.SendAsync(installed);

        Assert.Equal(bot.Messages.Welcome, Replies.Text(replies[0]));
    }

    [Fact]
    public async Task A_question_that_mentions_the_bot_routes_like_the_plain_question()
    {
        await using var bot = new BotHarness(channelId: "msteams");
        var message = bot.Adapter.MakeActivity("<at>BackCare</at> is foam rolling better than stretching?");
        message.Entities =
        [
            new Entity("mention")
            {
                Properties = JObject.FromObject(new { mentioned = new { id = message.Recipient.Id, name = "BackCare" }, text = "<at>BackCare</at>" }),
            },
        ];

        var replies = await bot.SendAsync(message);

        Assert.Contains(bot.Knowledge.FindAnswer("faq:foam-vs-stretch")!.Text, Replies.AllText(replies), StringComparison.Ordinal);
    }
}
