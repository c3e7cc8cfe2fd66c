using BackCare.Bot.Routing;

namespace BackCare.Bot.Tests.Routing;

/// <summary>
/// Other joints and other senses of the domain's words stay on the honest fallback, and the meaning of a back
/// question nearby (the semantic layer) does not pull them back on topic; the techniques named after a knee stay.
/// </summary>
public sealed class OtherSubjectsTests
{
    [Theory]
    [InlineData("my knee hurts after running, should I ice it")]
    [InlineData("shoulder pain from sleeping on my side, what can I do")]
    [InlineData("my hip pops when I do lunges, is that normal")]
    [InlineData("how do I stop cracking my knuckles")]
    [InlineData("is spray foam insulation worth it for the loft")]
    [InlineData("who signs off the cyber security posture assessment this quarter?")]
    public void Another_joint_or_subject_gets_the_fallback(string message)
    {
        var route = SharedRouter.Message.Route(message);

        Assert.Equal(RoutingDecision.Fallback, route.Decision);
    }

    [Theory]
    [InlineData("knees to chest?")]
    [InlineData("how do I pull my knee to my chest properly")]
    [InlineData("my neck and lower back are stiff after a long drive, what stretch helps?")]
    [InlineData("any tips to fix my posture when I work from the sofa?")]
    public void The_back_and_the_techniques_named_after_a_knee_stay_on_topic(string message)
    {
        var route = SharedRouter.Message.Route(message);

        Assert.NotEqual(RoutingDecision.Fallback, route.Decision);
    }
}
