using BackCare.Bot.DialogEngine;
using Microsoft.Bot.Builder;

namespace BackCare.Bot.State;

/// <summary>The state property accessors, created once and shared by the bot and its dialogs.</summary>
public sealed class BackCareState
{
    public BackCareState(ConversationState conversationState, UserState userState)
    {
        ConversationState = conversationState;
        UserState = userState;
        DialogState = conversationState.CreateProperty<DialogState>(nameof(DialogEngine.DialogState));
        Conversation = conversationState.CreateProperty<ConversationData>(nameof(ConversationData));
        Profile = userState.CreateProperty<UserProfile>(nameof(UserProfile));
    }

    public ConversationState ConversationState { get; }

    public UserState UserState { get; }

    public IStatePropertyAccessor<DialogState> DialogState { get; }

    public IStatePropertyAccessor<ConversationData> Conversation { get; }

    public IStatePropertyAccessor<UserProfile> Profile { get; }

    public Task<UserProfile> GetProfileAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        GetKeptAsync(Profile, turnContext, cancellationToken);

    public Task<ConversationData> GetConversationAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        GetKeptAsync(Conversation, turnContext, cancellationToken);

    /// <summary>
    /// Reads a property and sets it back: a storage without type names hands BotState a JObject, and
    /// BotState returns a converted copy it does not keep, so changes to that copy would not be saved.
    /// </summary>
    private static async Task<T> GetKeptAsync<T>(IStatePropertyAccessor<T> accessor, ITurnContext turnContext, CancellationToken cancellationToken)
        where T : new()
    {
        var value = await accessor.GetAsync(turnContext, () => new T(), cancellationToken).ConfigureAwait(false);
        await accessor.SetAsync(turnContext, value, cancellationToken).ConfigureAwait(false);
        return value;
    }

    /// <summary>"forget me": deletes everything stored about the user and this conversation.</summary>
    public async Task ForgetAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await UserState.DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await ConversationState.DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }
}
