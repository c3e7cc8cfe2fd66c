namespace BackCare.Bot.Tests.Conversation;

/// <summary>The routing ids docs/routing.md lists, for theories over every technique.</summary>
public static class ContentIds
{
    public static readonly string[] Techniques = ["seated-spinal-twist", "knee-to-chest", "childs-pose", "standing-back-extension", "foam-roller-release"];
}
