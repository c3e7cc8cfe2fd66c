using BackCare.Bot.Routing;

namespace BackCare.Bot.Tests.Routing;

/// <summary>
/// How the red-flag rules read people's own words: whose symptom it is, what is denied and how far a denial
/// reaches, what lies in the past, idioms that only look like injuries, and misspellings of real words.
/// </summary>
public sealed class RedFlagReadingTests
{
    private static KeywordRouter Router => SharedRouter.Default;

    [Theory]
    // The user's own symptom, though someone else is named.
    [InlineData("my wife says my legs are weak and wobbly")]
    [InlineData("my mum noticed my foot is dragging when I walk")]
    [InlineData("he crashed into my car on monday and my back has been agony since")]
    [InlineData("they rear-ended my car at the lights, back hurts")]
    // A veto in another clause, or denied, does not cover today's event.
    [InlineData("I had a crash years ago but yesterday I fell off a ladder and my back is killing me")]
    [InlineData("fell off my bike this morning, haven't been checked out, back really hurts")]
    [InlineData("my knee keeps giving way after running and it's getting weaker")]
    // A denial reaches only what it denies.
    [InlineData("without warning my leg gave way under me on the stairs")]
    [InlineData("i have trouble peeing normally since my back went")]
    // Everyday words for the same signs.
    [InlineData("my backside has gone numb since my back went")]
    [InlineData("I keep peeing myself without realising")]
    [InlineData("been dribbling a bit since the back pain started")]
    [InlineData("my legs wont hold me up this morning")]
    [InlineData("no, but I did fall off a ladder yesterday")]
    [InlineData("I fell out of bed and hurt my back, it's agony")]
    // "bowl" for "bowel", the issue's own example of a misspelt red flag.
    [InlineData("cant control my bowls properly since my back went")]
    [InlineData("my bowl movements have changed since the back pain started")]
    public void Reads_as_an_emergency(string message)
    {
        Assert.Equal(RoutingIds.Urgent, Router.Route(message).Intent);
    }

    [Theory]
    // Denied or harmless.
    [InlineData("I haven't had any trouble peeing, just a stiff back")]
    [InlineData("I don't have problems with peeing or pooing, my back is only stiff")]
    [InlineData("I'm not feeling any numbness down there, just a tight back")]
    [InlineData("My legs are fine. I just feel a bit weak after the flu")]
    [InlineData("legs ok, just a little numb in my toes after cycling, and my back is stiff")]
    // Idioms that only look like injuries.
    [InlineData("how do i tackle lower back pain at work?")]
    [InlineData("it hit me that my back pain comes from sitting all day")]
    [InlineData("I accidentally slept on the sofa and now my back aches")]
    [InlineData("I came off my antidepressants and my back aches")]
    [InlineData("can stress and past trauma cause back pain?")]
    [InlineData("the toilet is leaking at the base and I hurt my back fixing it")]
    [InlineData("I dropped a weight on my foot at the gym and my back is stiff")]
    // Real words a typo fixer must leave alone.
    [InlineData("I fill the dishwasher and my back hurts")]
    [InlineData("I wear high heels all day, legs and back ache")]
    [InlineData("what's the best deal on a mattress, my legs and back ache")]
    // Someone else's.
    [InlineData("my cat's back legs seem weak and wobbly")]
    [InlineData("bought a new salad bowl and my back was stiff carrying the shopping")]
    public void Does_not_read_as_an_emergency(string message)
    {
        Assert.NotEqual(RoutingIds.Urgent, Router.Route(message).Intent);
    }
}
