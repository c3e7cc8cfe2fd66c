using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Conversation;

/// <summary>A button as shown: a card's Action.Submit (with its data) or a suggested action (with the text it sends).</summary>
public sealed record Button(string Title, JObject? SubmitData, string? ImBackText);
