using BackCare.Bot.Content;

namespace BackCare.Bot.Tests.Content;

public sealed class KnowledgeBaseTests
{
    private static readonly KnowledgeBase Knowledge = ContentLoader.Load(KnowledgeBase.DefaultDirectory);

    // The routing ids of docs/routing.md, written out here rather than taken from KnowledgeIds, so that an edit
    // to either the data or the loader's list that loses one fails a test.
    private static readonly string[] DesignFaqs =
    [
        "faq:safe-to-crack", "faq:why-cracks-often", "faq:can-cause-injury", "faq:pop-necessary",
        "faq:how-often", "faq:when-see-doctor", "faq:pregnancy", "faq:foam-vs-stretch",
    ];

    private static readonly string[] DesignTopics =
    [
        "topic:what-is-cracking", "topic:when-to-avoid", "topic:lumbar-anatomy", "topic:foam-roller-choice",
        "topic:sciatica", "topic:slept-wrong", "topic:heat-or-ice", "topic:painkillers", "topic:bed-rest-and-work",
        "topic:running-and-gym", "topic:desk-setup", "topic:how-long", "topic:driving", "topic:sex", "topic:lifting-children",
        "topic:scans", "topic:back-braces", "topic:physio-or-chiropractor", "topic:inflammatory-stiffness", "topic:children-and-teens",
    ];

    private static readonly string[] DesignTips = ["tip:posture", "tip:movement", "tip:core", "tip:lifting", "tip:sleep", "tip:stress", "tip:hydration"];

    [Fact]
    public void The_data_files_are_copied_to_the_output_under_Content_Data()
    {
        foreach (var file in new[] { ContentLoader.TechniquesFile, ContentLoader.AnswersFile, ContentLoader.TipsFile, ContentLoader.ScreeningFile, ContentLoader.MessagesFile })
        {
            Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "Content", "Data", file)), file + " is not in the test output");
        }
    }

    [Fact]
    public void The_real_data_has_exactly_the_five_techniques_of_the_design_in_order()
    {
        Assert.Equal(
            ["technique:seated-spinal-twist", "technique:knee-to-chest", "technique:childs-pose", "technique:standing-back-extension", "technique:foam-roller-release"],
            Knowledge.Techniques.Select(t => t.RoutingId));
    }

    [Fact]
    public void The_real_data_has_every_faq_and_topic_id()
    {
        Assert.Equal(DesignFaqs.Concat(DesignTopics).Order(StringComparer.Ordinal), Knowledge.Answers.Select(a => a.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_real_data_has_the_seven_tips_in_order()
    {
        Assert.Equal(DesignTips, Knowledge.Tips.Select(t => t.Id));
    }

    [Theory]
    [InlineData("childs-pose")]
    [InlineData("technique:childs-pose")]
    public void FindTechnique_takes_the_id_or_the_routing_id(string id)
    {
        Assert.Equal("childs-pose", Knowledge.FindTechnique(id)?.Id);
    }

    [Fact]
    public void Every_routing_id_finds_its_entry_and_unknown_ids_find_nothing()
    {
        foreach (var technique in Knowledge.Techniques)
        {
            Assert.Same(technique, Knowledge.FindTechnique(technique.RoutingId));
        }

        foreach (var id in DesignFaqs.Concat(DesignTopics))
        {
            Assert.Equal(id, Knowledge.FindAnswer(id)?.Id);
        }

        foreach (var id in DesignTips)
        {
            Assert.Equal(id, Knowledge.FindTip(id)?.Id);
        }

        Assert.Null(Knowledge.FindTechnique("technique:handstand"));
        Assert.Null(Knowledge.FindTechnique("tip:posture"));
        Assert.Null(Knowledge.FindAnswer("faq:unknown"));
        Assert.Null(Knowledge.FindAnswer("tip:posture"));
        Assert.Null(Knowledge.FindTip("posture"));
        Assert.Null(Knowledge.FindTip("urgent"));
    }

    [Fact]
    public void Every_related_id_leads_somewhere()
    {
        foreach (var related in Knowledge.Answers.SelectMany(a => a.Related))
        {
            var found = (object?)Knowledge.FindAnswer(related) ?? (object?)Knowledge.FindTip(related)
                ?? (related.StartsWith(KnowledgeIds.TechniquePrefix, StringComparison.Ordinal) ? Knowledge.FindTechnique(related) : null);
            Assert.True(found is not null, related + " leads nowhere");
        }
    }

    [Fact]
    public void Holds_are_the_article_ranges()
    {
        Assert.Equal(new HoldTime(20, 30), Knowledge.FindTechnique("seated-spinal-twist")!.Steps.First(s => s.Hold is not null).Hold);
        Assert.Equal(new HoldTime(15, 20), Knowledge.FindTechnique("knee-to-chest")!.Steps.First(s => s.Hold is not null).Hold);
        Assert.Equal(new HoldTime(30, 60), Knowledge.FindTechnique("childs-pose")!.Steps.Single(s => s.Hold is not null).Hold);
        Assert.Equal(new HoldTime(15, 20), Knowledge.FindTechnique("standing-back-extension")!.Steps.Single(s => s.Hold is not null).Hold);
        Assert.Equal(new HoldTime(15, 30), Knowledge.FindTechnique("foam-roller-release")!.Steps.Single(s => s.Hold is not null).Hold);
    }

    [Fact]
    public void The_welcome_carries_the_disclaimer()
    {
        Assert.Contains("not medical advice", Knowledge.Messages.Welcome, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("doctor or physiotherapist", Knowledge.Messages.Welcome, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_privacy_note_says_what_is_kept_and_how_to_delete_it()
    {
        var note = string.Format(System.Globalization.CultureInfo.InvariantCulture, Knowledge.Messages.PrivacyNote, 24);
        Assert.Contains("24 hours", note, StringComparison.Ordinal);
        Assert.Contains("forget me", note, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("result", note, StringComparison.OrdinalIgnoreCase);
    }
}
