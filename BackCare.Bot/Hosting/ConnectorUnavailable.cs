using System.Net;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using Polly.Timeout;

namespace BackCare.Bot.Hosting;

/// <summary>
/// Tells a turn that failed because the connector could not be reached or was overloaded (no answer, a time-out,
/// 429 or a 5xx after <see cref="ConnectorResilience"/>'s retries) from any other failure. After such a failure an
/// error message would most likely fail too, and would hold the conversation for another whole retry budget.
/// </summary>
public static class ConnectorUnavailable
{
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var status = e switch
            {
                ErrorResponseException response => response.Response?.StatusCode,
                HttpOperationException operation => operation.Response?.StatusCode,
                HttpRequestException request => request.StatusCode ?? HttpStatusCode.ServiceUnavailable,
                TimeoutRejectedException => HttpStatusCode.GatewayTimeout,
                TaskCanceledException { InnerException: TimeoutException } => HttpStatusCode.GatewayTimeout,
                _ => null,
            };
            if (status is HttpStatusCode.TooManyRequests || (int?)status >= 500)
            {
                return true;
            }
        }

        return false;
    }
}
