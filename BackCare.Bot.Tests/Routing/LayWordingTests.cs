using BackCare.Bot.Routing;

namespace BackCare.Bot.Tests.Routing;

/// <summary>
/// Families of lay wording the router must read the same as the words in its data (issue 9's unseen-wording findings),
/// each written here in wording of our own: household things for heat and cold, misspelt red flags, heavy or strange
/// legs, being hit by a vehicle or thrown from a bike, crashes in everyday words, and pain during a stretch against the
/// stretch itself.
/// </summary>
public sealed class LayWordingTests
{
    private static MessageRouter Router => SharedRouter.Message;

    [Theory]
    [InlineData("can I lie on a hot water bottle once I've finished")]
    [InlineData("would a bag of frozen peas do anything for it")]
    [InlineData("is a heating pad alright to use tonight")]
    [InlineData("ice pack straight after, good or bad?")]
    public void Heat_or_cold_in_household_words_is_the_heat_or_ice_answer(string message)
    {
        var route = Router.Route(message);

        Assert.Equal(("topic:heat-or-ice", RoutingDecision.Answer), (route.Intent, route.Decision));
    }

    [Theory]
    [InlineData("my water bottle keeps leaking in my bag")]
    [InlineData("crack open a bottle of wine")]
    [InlineData("is the heating on in the office")]
    public void The_same_words_outside_such_a_phrase_still_name_another_subject(string message)
    {
        Assert.Equal(RoutingIds.None, Router.Route(message).Intent);
    }

    [Theory]
    [InlineData("i lost controll of my bladder on the bus this morning")]
    [InlineData("cant controle when i need a poo since my back went")]
    [InlineData("my bowles have gone funny, cant hold it in")]
    [InlineData("no controle over my bowels at all")]
    public void A_misspelt_loss_of_bladder_or_bowel_control_is_an_emergency(string message)
    {
        Assert.Equal(RoutingIds.Urgent, Router.Route(message).Intent);
    }

    [Theory]
    [InlineData("both legs feel like lead since I got up")]
    [InlineData("my legs have gone all weird and my back's agony")]
    [InlineData("legs feel funny and heavy, I can hardly manage the stairs")]
    public void Heavy_or_strange_legs_are_an_emergency(string message)
    {
        Assert.Equal(RoutingIds.Urgent, Router.Route(message).Intent);
    }

    [Theory]
    [InlineData("I lifted something heavy and my legs and back ache")]
    [InlineData("my legs feel heavy after a long run, is stretching good")]
    [InlineData("my feet feel weird in these new boots")]
    public void Heavy_things_tired_legs_after_sport_and_odd_feet_are_not(string message)
    {
        Assert.NotEqual(RoutingIds.Urgent, Router.Route(message).Intent);
    }

    [Theory]
    [InlineData("a taxi clipped me while I was cycling to work")]
    [InlineData("came off my moped on a roundabout")]
    [InlineData("got knocked off my bike by a bus on friday")]
    [InlineData("flew over the handlebars at the bottom of the hill")]
    public void Being_hit_by_a_vehicle_or_thrown_from_a_bike_is_an_emergency(string message)
    {
        Assert.Equal(RoutingIds.Urgent, Router.Route(message).Intent);
    }

    [Theory]
    [InlineData("nearly got knocked off my bike by a van this morning, back's a bit stiff")]
    [InlineData("came off the bus and walked home, my back is stiff")]
    [InlineData("my brother was hit by a car last week")]
    public void Near_misses_getting_off_a_bus_and_other_people_are_not(string message)
    {
        Assert.NotEqual(RoutingIds.Urgent, Router.Route(message).Intent);
    }

    [Theory]
    [InlineData("we rolled the car on a bend and my lower back aches")]
    [InlineData("the airbags went off and now my back hurts")]
    [InlineData("multi-car pile up on the motorway, my neck and back are sore")]
    public void A_crash_in_everyday_words_with_back_pain_is_an_emergency(string message)
    {
        Assert.Equal(RoutingIds.Urgent, Router.Route(message).Intent);
    }

    [Theory]
    [InlineData("sat in traffic behind a pile-up for hours and my back is stiff from the seat")]
    [InlineData("work keeps starting to pile up and my back aches from the desk")]
    public void Someone_elses_crash_or_work_piling_up_is_not(string message)
    {
        Assert.NotEqual(RoutingIds.Urgent, Router.Route(message).Intent);
    }

    [Theory]
    [InlineData("argh it's pinching in my hip")]
    [InlineData("that really isn't nice")]
    [InlineData("hmm I think I've tweaked something")]
    [InlineData("getting a spasm down my side")]
    [InlineData("ooh that gave me a jolt")]
    [InlineData("this doesn't feel right")]
    public void Pain_or_something_wrong_in_other_words_is_a_pain_report(string message)
    {
        Assert.True(Router.Keywords.IsPainReport(message));
    }

    [Theory]
    [InlineData("I can feel it pulling through my back")]
    [InlineData("nice gentle stretch")]
    [InlineData("bit tight on the left side")]
    [InlineData("feels tight but fine")]
    [InlineData("a slight pull in my hamstring")]
    [InlineData("no pain, just the stretch")]
    public void The_stretch_itself_is_not_a_pain_report(string message)
    {
        Assert.False(Router.Keywords.IsPainReport(message));
    }
}
