using BackCare.Bot.Routing;

namespace BackCare.Bot.Tests.Routing;

/// <summary>
/// The red flags of issue 10 in people's own words, and the level each leads to: an emergency (cauda equina signs
/// including sex and a bladder that is not felt, chest pain, a possible aneurysm), the maternity unit now for a
/// pregnant user, or a sign to see someone about today or soon (shown with its own advice). Denied, someone
/// else's, past and everyday versions stay where they were.
/// </summary>
public sealed class RedFlagLevelTests
{
    private static KeywordRouter Router => SharedRouter.Default;

    [Theory]
    // Retention can be painless: not feeling a full bladder is the sign.
    [InlineData("I can't tell when my bladder is full any more")]
    [InlineData("since my back went I don't get the feeling that I need to wee")]
    [InlineData("had an accident with my bowels, couldn't hold it, back has been bad all week")]
    // New changes in sexual function (NHS cauda equina card).
    [InlineData("can't get an erection since my back went")]
    [InlineData("no feeling down there during sex since my back pain started")]
    [InlineData("I was numb during sex last night and my back is killing me")]
    [InlineData("sex feels different since I hurt my back, like I can barely feel anything")]
    // Chest pain with back pain.
    [InlineData("pain in my chest and between my shoulder blades")]
    [InlineData("tight chest and my back hurts")]
    [InlineData("crushing pressure in my chest, back aches too")]
    // Sudden severe back and tummy pain with faintness (possible aneurysm).
    [InlineData("sudden terrible pain in my back and stomach and I feel like I'm going to pass out")]
    [InlineData("Sudden awful pain in my lower back and tummy. I feel faint and clammy.")]
    public void Reads_as_an_emergency(string message)
    {
        var route = Router.Route(message);

        Assert.Equal(RoutingIds.Urgent, route.Intent);
        Assert.Equal(SafetyLevels.Emergency, route.SafetyLevel);
    }

    [Theory]
    [InlineData("what's a good chest stretch for tight shoulders and back?")]
    [InlineData("my chest is fine, it's just my lower back that aches")]
    [InlineData("no chest pain, just a stiff lower back")]
    [InlineData("pulling my knees to my chest makes my back feel better")]
    [InlineData("doing knees to chest and my back is a bit sore")]
    [InlineData("chest infection last week and now my back hurts from coughing")]
    [InlineData("sex life is fine, it's just my back that's stiff")]
    [InlineData("is it ok to have sex with a stiff back?")]
    [InlineData("no erection problems or numbness, just a sore back")]
    [InlineData("I felt faint from hunger yesterday, back just stiff")]
    [InlineData("my husband can't get an erection and my back is stiff from worrying about it")]
    [InlineData("my dad had chest pain last year, my own back is just stiff")]
    public void Does_not_read_as_an_emergency(string message)
    {
        Assert.NotEqual(RoutingIds.Urgent, Router.Route(message).Intent);
    }

    [Theory]
    [InlineData("I'm 30 weeks and my back pain comes in waves")]
    [InlineData("pregnant, back ache and some bleeding")]
    [InlineData("I'm 34 weeks pregnant and leaking fluid, my lower back aches")]
    [InlineData("pregnant with a fever and a sore back")]
    [InlineData("I'm pregnant and it burns when I pee, and my back hurts")]
    [InlineData("28 weeks pregnant, back pain and my bump keeps tightening")]
    public void A_warning_sign_in_pregnancy_is_urgent_with_the_maternity_advice(string message)
    {
        var route = Router.Route(message);

        Assert.Equal(RoutingIds.Urgent, route.Intent);
        Assert.Equal(RoutingLayer.Safety, route.Layer);
        Assert.Equal(SafetyLevels.Maternity, route.SafetyLevel);
        Assert.Equal("maternity", route.SafetyAdvice);
    }

    [Theory]
    [InlineData("No leaking, no numbness, no fever. I'm 30 weeks pregnant, what stretches can I do?")]
    [InlineData("pregnant, no bleeding or fluid, just a stiff back, which stretch is ok?")]
    [InlineData("my wife is pregnant and bleeding a little, my own back is stiff")]
    [InlineData("when I was pregnant with my first I had some bleeding, now my back is stiff")]
    [InlineData("peed on a stick this morning and it's positive! can I still stretch my back?")]
    [InlineData("is my blood pressure ok to do back stretches while pregnant?")]
    public void Denied_past_or_someone_elses_pregnancy_signs_are_not_urgent(string message)
    {
        Assert.NotEqual(RoutingIds.Urgent, Router.Route(message).Intent);
    }

    [Theory]
    [InlineData("I've got a fever and my back is really sore", "sameDay", "fever")]
    [InlineData("feeling really unwell and my lower back aches", "sameDay", "fever")]
    [InlineData("I had bowel cancer two years ago and now my back has started to hurt", "sameDay", "cancer")]
    [InlineData("lost a stone without trying and my back aches", "sameDay", "weightLoss")]
    [InlineData("back pain wakes me every night and nothing eases it", "soon", "nightPain")]
    [InlineData("the pain wakes me at night and it gets worse when I lie down in bed", "soon", "nightPain")]
    [InlineData("my back is sore most nights, lying down makes it worse", "soon", "nightPain")]
    [InlineData("I'm 58 and I've never had back pain before, now it aches", "soon", "firstAfterFifty")]
    [InlineData("I'm on immunosuppressants and my lower back has started aching", "soon", "immunity")]
    [InlineData("I have HIV and my back hurts", "soon", "immunity")]
    [InlineData("I'm 14 and my back hurts when I sit at school", "soon", "underSixteen")]
    [InlineData("my back hurts and I'm in year 9", "soon", "underSixteen")]
    public void A_sign_to_see_someone_about_carries_its_level_and_advice(string message, string level, string advice)
    {
        var route = Router.Route(message);

        Assert.Equal(RoutingIds.SeeDoctor, route.Intent);
        Assert.Equal(RoutingLayer.Safety, route.Layer);
        Assert.Equal(level, route.SafetyLevel);
        Assert.Equal(advice, route.SafetyAdvice);
    }

    [Theory]
    [InlineData("my back is stiff for over an hour every morning, it started when I was 25")]
    [InlineData("most mornings my lower back stays stiff until lunch, then it eases off once I get moving")]
    public void Long_morning_stiffness_is_answered_by_its_own_topic_with_the_see_a_gp_advice(string message)
    {
        var route = Router.Route(message);

        Assert.Equal("topic:inflammatory-stiffness", route.Intent);
        Assert.Equal(RoutingLayer.Safety, route.Layer);
        Assert.Equal("soon", route.SafetyLevel);
        Assert.Equal("morningStiffness", route.SafetyAdvice);
    }

    [Theory]
    [InlineData("I'm 67 and slipped on the kitchen floor, my back is a bit sore")]
    [InlineData("I have osteoporosis and tripped over the cat, my back aches")]
    [InlineData("on long-term steroids and had a little fall, back sore since")]
    public void A_small_fall_when_bones_are_fragile_asks_about_the_fall_then_says_today(string message)
    {
        var first = Router.Route(message);
        Assert.Equal((RoutingIds.Urgent, RoutingDecision.Clarify), (first.Intent, first.Decision));

        // "No, it wasn't a hard fall": still worth a check today when bones break easily.
        var afterNo = Router.Route(message, askAboutPartialRedFlags: false);

        Assert.Equal(RoutingIds.SeeDoctor, afterNo.Intent);
        Assert.Equal(SafetyLevels.SameDay, afterNo.SafetyLevel);
        Assert.Equal("fallFragile", afterNo.SafetyAdvice);
    }

    [Theory]
    [InlineData("explain low back anatomy like I'm 5 pls")]
    [InlineData("I'm 5 months pregnant, which back stretch is ok?")]
    [InlineData("my 14 year old son has a stiff back, what can he do?")]
    [InlineData("I'm 67 and my back is stiff in the mornings, which stretch?")]
    [InlineData("my mum is 80 and had a fall, my own back is stiff from helping her")]
    [InlineData("I didn't fall, I have osteoporosis, which stretches are off limits?")]
    [InlineData("no fever, no weight loss, just a stiff back")]
    [InlineData("I sleep 8 hours and wake up a bit stiff, is my mattress ok?")]
    public void Everyday_denied_or_someone_elses_mentions_are_not_signs(string message)
    {
        var route = Router.Route(message);

        Assert.False(route.Layer == RoutingLayer.Safety, $"{route.Intent} from the safety layer ({route.SafetyAdvice})");
    }
}
