using System.Text.Json.Nodes;
using BackCare.Bot.Content;
using BackCare.Bot.Pictures;
using BackCare.Bot.Tests.Content;

namespace BackCare.Bot.Tests.Pictures;

/// <summary>poses.json is checked against the techniques at start-up; each test breaks a copy one way.</summary>
public sealed class PoseLoaderTests : IDisposable
{
    private const string File = PoseLoader.PosesFile;

    private readonly ContentDirectory _content = new();

    public void Dispose() => _content.Dispose();

    [Fact]
    public void The_real_file_gives_every_technique_and_adaptation_a_picture_per_step()
    {
        var book = PoseLoader.Load(_content.Path, PictureSteps.Knowledge);

        foreach (var technique in PictureSteps.AsShown())
        {
            Assert.Equal(technique.Steps.Select(s => s.Title), book.Find(StepImageCache.SetOf(technique))!.Steps.Select(s => s.Step));
        }
    }

    [Fact]
    public void A_missing_step_picture_is_named()
    {
        _content.Edit(File, root => Steps(root, 1).RemoveAt(5));

        var ex = LoadFails();

        ContentDirectory.AssertError(ex, File, "$.poses[1].steps", "has 5 pictures, but \"knee-to-chest\" has 6 steps");
    }

    [Fact]
    public void A_picture_for_a_renamed_or_reordered_step_is_named()
    {
        _content.Edit(File, root => Steps(root, 0)[2]!["step"] = "Left arm around");

        var ex = LoadFails();

        ContentDirectory.AssertError(ex, File, "$.poses[0].steps[2].step", "step 3 of \"seated-spinal-twist\" is \"Right arm across\"");
    }

    [Fact]
    public void A_point_off_the_picture_is_named()
    {
        _content.Edit(File, root => Steps(root, 3)[0]!["figure"]!["head"] = new JsonArray(50, 90));

        var ex = LoadFails();

        ContentDirectory.AssertError(ex, File, "$.poses[3].steps[0].figure.head", "off the picture");
    }

    [Fact]
    public void A_mistyped_number_that_makes_a_giant_limb_is_named()
    {
        _content.Edit(File, root => Steps(root, 3)[0]!["figure"]!["right"]!["knee"] = new JsonArray(52, 49));

        var ex = LoadFails();

        ContentDirectory.AssertError(ex, File, "$.poses[3].steps[0].figure.right.knee", "makes the thigh");
    }

    [Fact]
    public void Empty_or_repeated_alt_text_is_named()
    {
        _content.Edit(File, root =>
        {
            Steps(root, 4)[0]!["alt"] = " ";
            Steps(root, 4)[2]!["alt"] = Steps(root, 4)[1]!["alt"]!.GetValue<string>();
        });

        var ex = LoadFails();

        ContentDirectory.AssertError(ex, File, "$.poses[4].steps[0].alt", "is empty");
        ContentDirectory.AssertError(ex, File, "$.poses[4].steps[2].alt", "repeats the alt text of $.poses[4].steps[1]");
    }

    [Fact]
    public void An_unknown_technique_and_a_technique_left_without_pictures_are_both_named()
    {
        _content.Edit(File, root => root["poses"]![2]!["technique"] = "childs-posture");

        var ex = LoadFails();

        ContentDirectory.AssertError(ex, File, "$.poses[2].technique", "\"childs-posture\" is not the id of a technique");
        ContentDirectory.AssertError(ex, File, "$.poses", "has no pictures for \"childs-pose\"");
    }

    [Fact]
    public void An_adaptation_without_its_own_pictures_is_named()
    {
        _content.Edit(File, root => root["poses"]!.AsArray().RemoveAt(3));

        var ex = LoadFails();

        ContentDirectory.AssertError(ex, File, "$.poses", "has no pictures for \"childs-pose-for-pregnancy\"");
    }

    [Fact]
    public void An_unknown_body_part_is_named_where_it_stands()
    {
        _content.Edit(File, root => Steps(root, 0)[0]!["highlight"] = new JsonArray("tummy"));

        var ex = LoadFails();

        Assert.Contains(ex.Errors, e => e.File == File && e.Path.StartsWith("$.poses[0].steps[0].highlight", StringComparison.Ordinal) && e.Problem.Contains("one of the values", StringComparison.Ordinal));
    }

    [Fact]
    public void A_technique_s_pictures_given_twice_are_named()
    {
        _content.Edit(File, root => root["poses"]!.AsArray().Add(root["poses"]![0]!.DeepClone()));

        var ex = LoadFails();

        ContentDirectory.AssertError(ex, File, "$.poses[6]", "repeats the pictures of \"seated-spinal-twist\" given at $.poses[0]");
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        _content.Delete(File);

        var ex = LoadFails();

        ContentDirectory.AssertError(ex, File, "$", "the file is missing");
    }

    private static JsonArray Steps(JsonNode root, int set) => root["poses"]![set]!["steps"]!.AsArray();

    private ContentValidationException LoadFails() =>
        Assert.Throws<ContentValidationException>(() => PoseLoader.Load(_content.Path, PictureSteps.Knowledge));
}
