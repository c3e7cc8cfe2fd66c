using System.Net;
using Microsoft.Bot.Schema;
using Microsoft.Rest;

namespace BackCare.Bot.Reminders;

/// <summary>
/// Tells a proactive send that can never succeed again from one that may next time: the connector answers 403 when the
/// user blocked the bot or the app was removed, 404 (or "conversation not found", "bot is not part of the
/// conversation roster") when the conversation is gone. Such a subscription ends; anything else is worth the next try.
/// </summary>
public static class ConversationGone
{
    private static readonly string[] GoneCodes = ["ConversationNotFound", "BotNotInConversationRoster", "BotDisabledByAdmin", "ConversationBlockedByUser"];

    private static readonly string[] GoneMessages = ["conversation not found", "not part of the conversation roster", "bot is not in the conversation", "blocked by the user"];

    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var status = e switch
            {
                ErrorResponseException response => response.Response?.StatusCode,
                HttpOperationException operation => operation.Response?.StatusCode,
                HttpRequestException request => request.StatusCode,
                _ => null,
            };
            if (status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
            {
                return true;
            }

            var code = (e as ErrorResponseException)?.Body?.Error?.Code;
            if (code is not null && GoneCodes.Contains(code, StringComparer.OrdinalIgnoreCase))
            {
                return true;
            }

            var message = (e as ErrorResponseException)?.Body?.Error?.Message ?? e.Message;
            if (GoneMessages.Any(m => message.Contains(m, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}
