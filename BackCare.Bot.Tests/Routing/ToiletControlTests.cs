using BackCare.Bot.Routing;

namespace BackCare.Bot.Tests.Routing;

/// <summary>Incontinence told through the toilet, not the bladder: the words of people who do not name organs.</summary>
public sealed class ToiletControlTests
{
    private static KeywordRouter Router => SharedRouter.Default;

    [Theory]
    [InlineData("since my back went I can't control when I need the loo")]
    [InlineData("didn't make it to the toilet in time this morning and my back is bad")]
    [InlineData("back pain and now I go to the bathroom without warning")]
    [InlineData("my back hurts n i cant hold it till i get to the toilet")]
    public void Losing_control_of_going_to_the_toilet_is_urgent(string message)
    {
        var route = Router.Route(message);

        Assert.Equal(RoutingIds.Urgent, route.Intent);
    }

    [Theory]
    [InlineData("sitting on the loo for ages makes my lower back stiff, why?")]
    [InlineData("I lose control of my posture when I'm tired, any tips?")]
    [InlineData("no problems with the toilet, my back is just stiff in the mornings")]
    public void The_toilet_without_a_loss_of_control_is_not_urgent(string message)
    {
        var route = Router.Route(message);

        Assert.NotEqual(RoutingIds.Urgent, route.Intent);
    }
}
