using BackCare.Bot.Content;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BackCare.Bot.Bots;

/// <summary>
/// Fills in the local help tokens of everything a turn sends or updates, for the user's locale: the locale of the
/// activity the turn is about (Teams and the Emulator send one with every message), else of the conversation
/// reference a proactive turn continues, else the default. Attached at the start of every turn the bot runs and of
/// every proactive send, so no reply path can forget it.
/// </summary>
public sealed class LocalHelpOnSend(KnowledgeBase knowledge)
{
    public void Attach(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.OnSendActivities((context, activities, next) =>
        {
            var help = HelpFor(context);
            foreach (var activity in activities.Where(a => a.Type != ActivityTypes.Trace))
            {
                LocalHelpFiller.Fill(activity, help);
            }

            return next();
        });
        turnContext.OnUpdateActivity((context, activity, next) =>
        {
            LocalHelpFiller.Fill(activity, HelpFor(context));
            return next();
        });
    }

    /// <summary>The help for the user this turn talks to.</summary>
    public LocalHelp HelpFor(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        return knowledge.LocalHelp.For(string.IsNullOrWhiteSpace(activity?.Locale) ? activity?.RelatesTo?.Locale : activity.Locale);
    }
}
