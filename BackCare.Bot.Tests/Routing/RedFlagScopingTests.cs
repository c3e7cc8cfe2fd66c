using BackCare.Bot.Routing;

namespace BackCare.Bot.Tests.Routing;

/// <summary>
/// Whose body an event happened to (issue 9): a person or animal named after a preposition is not the subject, an
/// event inside a video game, a story or a dream is nobody's, a vehicle hit with nobody in it hurt no one, and a fall
/// from childhood or long healed is not today's. Each "not urgent" case has an urgent twin a word or two away.
/// </summary>
public sealed class RedFlagScopingTests
{
    private static KeywordRouter Router => SharedRouter.Default;

    [Theory]
    // Someone named after a preposition or a carrying verb is the object: the fall is the user's.
    [InlineData("tripped over the cat and went down the stairs, my back is agony")]
    [InlineData("I stumbled over my dog and fell down the stairs, back really hurts")]
    [InlineData("was walking the dog when I fell down the stairs, my back is bad")]
    [InlineData("carrying my toddler I fell down the stairs and my back is killing me")]
    // A game or a machine in another clause does not cover a real fall.
    [InlineData("my laptop crashed and then I fell down the stairs, my back is killing me")]
    [InlineData("crashed on the motorway this morning, back hurts")]
    // A vehicle with the user in it.
    [InlineData("my car was rear-ended with me in it and my back hurts")]
    // A landing on the spine is a blow to it.
    [InlineData("slipped on the wet decking and landed on my tailbone, it really hurts")]
    // The fall is today's; childhood is in another clause.
    [InlineData("I broke my arm when I was 8, but today I fell off a ladder and my back is sore")]
    public void An_event_that_happened_to_the_user_stays_urgent(string message)
    {
        var route = Router.Route(message);

        Assert.Equal(RoutingIds.Urgent, route.Intent);
        Assert.Equal(RoutingDecision.Answer, route.Decision);
    }

    [Theory]
    // A video game, a story or a dream.
    [InlineData("wrecked my car in a racing game last night haha, my back is stiff from the sofa")]
    [InlineData("in my short story the detective falls down the stairs and hurts his back, is that realistic?")]
    [InlineData("had a dream I fell off a roof, woke up with a stiff back")]
    // A machine that crashes.
    [InlineData("the printer crashed again and my back is stiff from crouching under the desk")]
    // A vehicle nobody was in.
    [InlineData("someone rear-ended my van overnight, nobody was in it, but the stress has my back in knots")]
    // Someone else, or an animal, is the subject.
    [InlineData("my grandmother fell down the stairs last month; how do I lift her without hurting my back?")]
    [InlineData("a friend came off her bike yesterday, she is fine. Is cycling bad for backs?")]
    [InlineData("my rabbit's back legs have gone weak")]
    // A fall in childhood or long healed.
    [InlineData("I fell off a horse when I was 9 and my back was sore for a week; now I just want a stretch")]
    [InlineData("had a car accident as a teenager; these days my back is just stiff at my desk")]
    [InlineData("my car accident is long healed, these days my back is just stiff at my desk")]
    // A sleep, not a crash.
    [InlineData("crashed on a mate's sofa bed after the party and my back hurts this morning")]
    // A denial carries through a list.
    [InlineData("I haven't had any injury or fall, my back is just stiff")]
    public void An_event_that_befell_no_one_or_someone_else_is_not_an_emergency(string message)
    {
        var route = Router.Route(message);

        Assert.NotEqual(RoutingIds.Urgent, route.Intent);
    }

    [Fact]
    public void A_denied_verb_in_a_list_is_still_retention()
    {
        // "or" carries the denial on, but the exemption for a denied verb ("haven't peed") carries with it.
        Assert.Equal(RoutingIds.Urgent, Router.Route("haven't weed or pooed since yesterday and my back is in agony").Intent);
    }

    [Theory]
    [InlineData("my dog sleeps on his back with his legs in the air, is that normal?")]
    [InlineData("I think my cat hurt her back jumping off the fridge")]
    public void A_back_that_belongs_to_an_animal_gets_the_honest_fallback(string message)
    {
        var route = Router.Route(message);

        Assert.Equal(RoutingIds.None, route.Intent);
        Assert.True(route.IsRuledOffTopic, "an animal's back is another subject: the semantic layer may not answer it");
    }

    [Fact]
    public void A_users_back_with_an_animal_in_the_sentence_is_still_the_users()
    {
        var route = Router.Route("my puppy keeps jumping on my back when I do child's pose, how do I do the pose properly");

        Assert.Equal("technique:childs-pose", route.Intent);
    }
}
