using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BackCare.Bot.CardRendering;
using BackCare.Bot.Content;

namespace BackCare.Bot.Tests.Content;

/// <summary>
/// local-help.json and the local help tokens in the content: the values the contract of issue 10 names, each locale
/// found the way Teams writes it, and every mistake an editor could make with a token refused at start-up.
/// </summary>
public sealed partial class LocalHelpContentTests : IDisposable
{
    private const string Messages = ContentLoader.MessagesFile;
    private const string LocalHelpFile = ContentLoader.LocalHelpFile;

    private static readonly KnowledgeBase Knowledge = ContentLoader.Load(KnowledgeBase.DefaultDirectory);

    private readonly ContentDirectory _content = new();

    public void Dispose() => _content.Dispose();

    [Theory]
    [InlineData("en-GB", "999", "A&E", "your GP or NHS 111 (call 111 or use 111.nhs.uk)")]
    [InlineData("en-US", "911", "the ER", "your doctor or an urgent care clinic")]
    [InlineData("en-AU", "000", "the emergency department", "your GP or healthdirect (1800 022 222)")]
    [InlineData("en-IE", "112 or 999", "A&E", "your GP or a GP out-of-hours service")]
    [InlineData("de-DE", "112", "the emergency department (A&E / ER)", "your doctor, an urgent care service or your local non-emergency health line")]
    public void Each_locale_gets_the_values_of_the_contract(string locale, string number, string department, string sameDay)
    {
        var help = Knowledge.LocalHelp.For(locale);

        Assert.Equal(number, help.EmergencyNumber);
        Assert.Equal(department, help.EmergencyDepartment);
        Assert.Equal(sameDay, help.SameDayCare);
    }

    [Theory]
    [InlineData("en-gb", "999")]
    [InlineData("EN-GB", "999")]
    [InlineData("en_GB", "999")]
    [InlineData("en-Latn-GB", "999")]
    [InlineData("en-GB-oxendict", "999")]
    [InlineData("en-US-x-twain", "911")]
    [InlineData(" en-AU ", "000")]
    [InlineData("en", "112")]
    [InlineData("fr-FR", "112")]
    [InlineData("", "112")]
    [InlineData(null, "112")]
    public void A_locale_is_matched_exactly_then_by_language_and_region_then_falls_back_to_the_default(string? locale, string number)
    {
        Assert.Equal(number, Knowledge.LocalHelp.For(locale).EmergencyNumber);
    }

    [Fact]
    public void Every_token_is_replaced_and_anything_else_in_brackets_is_left_alone()
    {
        var help = Knowledge.LocalHelp.For("en-GB");

        var text = LocalHelpTokens.Replace("Call [[emergencyNumber]] (or your local emergency number) or go to [[emergencyDepartment]]; [[sameDayCare]]; [[other]].", help);

        Assert.Equal("Call 999 (or your local emergency number) or go to A&E; your GP or NHS 111 (call 111 or use 111.nhs.uk); [[other]].", text);
    }

    [Fact]
    public void No_content_names_a_countrys_emergency_number_or_department_itself()
    {
        // Written out, a number would be wrong for someone elsewhere; the tokens are filled in for the user's locale.
        var files = Directory.GetFiles(KnowledgeBase.DefaultDirectory, "*.json").Where(f => Path.GetFileName(f) != LocalHelpFile)
            .Concat(Directory.GetFiles(CardCatalog.DefaultDirectory, "*.json"));
        foreach (var file in files)
        {
            var match = CountrysEmergencyWords().Match(File.ReadAllText(file));
            Assert.False(match.Success, $"{Path.GetFileName(file)} writes \"{match.Value}\"; use [[emergencyNumber]] or [[emergencyDepartment]]");
        }
    }

    [Fact]
    public void The_emergency_texts_use_the_tokens_with_their_fallback_phrase()
    {
        var call = "[[emergencyNumber]] (or your local emergency number) or go to [[emergencyDepartment]]";
        foreach (var text in new[]
        {
            Knowledge.Screening.Outcomes.Emergency, Knowledge.Messages.UrgentReminder, Knowledge.Messages.NoTechniqueAfterEmergency,
            Knowledge.Messages.FallReassured, Knowledge.Messages.FallUnclear, Knowledge.Messages.HurtsStop, Knowledge.Messages.Fallback,
        })
        {
            Assert.Contains(call, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_bots_messages_never_advise_rest()
    {
        foreach (var property in typeof(BotMessages).GetProperties().Where(p => p.PropertyType == typeof(string)))
        {
            Assert.DoesNotMatch(@"\b[Rr]est\b", (string)property.GetValue(Knowledge.Messages)!);
        }
    }

    [Fact]
    public void An_unknown_token_is_named()
    {
        _content.Edit(Messages, root => root["fallback"] = "Sorry. If it's bad, call [[emergencyNumbr]] now.");

        ContentDirectory.AssertError(_content.LoadFails(), Messages, "$.fallback", "[[emergencyNumbr]], which is not a local help token");
    }

    [Fact]
    public void A_token_in_a_button_caption_is_refused()
    {
        _content.Edit(Messages, root => root["menuTips"] = "Tips for [[sameDayCare]]");

        ContentDirectory.AssertError(_content.LoadFails(), Messages, "$.menuTips", "contains [[sameDayCare]]");
    }

    [Fact]
    public void The_emergency_number_never_stands_without_its_fallback_phrase()
    {
        _content.Edit(Messages, root => root["hurtsStop"] = "Stop now. Weak legs? Call [[emergencyNumber]] now.");

        ContentDirectory.AssertError(_content.LoadFails(), Messages, "$.hurtsStop", "(or your local emergency number)");
    }

    [Fact]
    public void A_text_must_fit_its_limit_with_the_longest_values_filled_in()
    {
        // 580 characters as written; the longest same-day value makes it longer than a chat bubble's 600.
        var text = new string('a', 580 - "[[sameDayCare]].".Length) + "[[sameDayCare]].";
        _content.Edit(Messages, root => root["feltSameReply"] = text);

        ContentDirectory.AssertError(_content.LoadFails(), Messages, "$.feltSameReply", "with the longest local help values filled in");
    }

    [Fact]
    public void A_missing_local_help_file_is_named()
    {
        _content.Delete(LocalHelpFile);

        ContentDirectory.AssertError(_content.LoadFails(), LocalHelpFile, "$", "missing");
    }

    [Fact]
    public void A_locale_without_every_value_is_refused()
    {
        _content.Edit(LocalHelpFile, root => root["locales"]!["en-GB"]!.AsObject().Remove("sameDayCare"));

        var error = Assert.Single(_content.LoadFails().Errors);
        Assert.Equal(LocalHelpFile, error.File);
        Assert.Contains("sameDayCare", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("english")]
    [InlineData("en")]
    [InlineData("en-gb")]
    public void A_locale_that_is_not_a_language_and_country_is_named(string locale)
    {
        _content.Edit(LocalHelpFile, root => root["locales"]![locale] = root["locales"]!["en-US"]!.DeepClone());

        ContentDirectory.AssertError(_content.LoadFails(), LocalHelpFile, $"$.locales.{locale}", "language and a country");
    }

    [Fact]
    public void A_value_with_a_token_in_it_is_refused()
    {
        _content.Edit(LocalHelpFile, root => root["default"]!["sameDayCare"] = "call [[emergencyNumber]] (or your local emergency number)");

        ContentDirectory.AssertError(_content.LoadFails(), LocalHelpFile, "$.default.sameDayCare", "contains a local help token");
    }

    [Fact]
    public void A_card_template_with_an_unknown_token_stops_start_up()
    {
        var cards = Directory.CreateTempSubdirectory("backcare-cards-");
        try
        {
            foreach (var file in Directory.GetFiles(CardCatalog.DefaultDirectory, "*.json"))
            {
                File.Copy(file, Path.Combine(cards.FullName, Path.GetFileName(file)));
            }

            var urgent = Path.Combine(cards.FullName, "urgent.json");
            var template = JsonNode.Parse(File.ReadAllText(urgent))!;
            template["body"]![0]!["text"] = "Call [[ambulanceNumber]]";
            File.WriteAllText(urgent, template.ToJsonString());

            var error = Assert.Throws<InvalidOperationException>(() => CardCatalog.Load(cards.FullName));
            Assert.Contains("[[ambulanceNumber]]", error.Message, StringComparison.Ordinal);
            Assert.Contains("urgent.json", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            cards.Delete(recursive: true);
        }
    }

    [GeneratedRegex(@"\b(?:999|911|112)\b|A&E", RegexOptions.CultureInvariant)]
    private static partial Regex CountrysEmergencyWords();
}
