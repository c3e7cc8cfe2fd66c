using BackCare.Bot.Pictures;
using SkiaSharp;

namespace BackCare.Bot.Tests.Pictures;

public sealed class StepPictureTests
{
    /// <summary>A picture travels inline where the bot has no public address; keep it far below Teams' 28 KB message limit.</summary>
    private const int MaxPngBytes = 8 * 1024;

    [Theory]
    [MemberData(nameof(PictureSteps.All), MemberType = typeof(PictureSteps))]
    public void Every_step_has_a_small_png_of_the_right_size_with_a_figure_drawn_on_it(string techniqueId, string caution, int index)
    {
        var image = PictureSteps.Cache.For(PictureSteps.Find(techniqueId, caution), index);

        Assert.NotNull(image);
        Assert.InRange(image.Png.Length, 200, MaxPngBytes);
        using var bitmap = SKBitmap.Decode(image.Png);
        Assert.NotNull(bitmap);
        Assert.Equal(PoseGrid.ImageWidth, bitmap.Width);
        Assert.Equal(PoseGrid.ImageHeight, bitmap.Height);
        Assert.True(bitmap.Width < 1024 && bitmap.Height < 1024, "Teams shows images up to 1024 × 1024");

        // Something is drawn (more than the floor line), and it is a figure, not a filled box: the figure's dark ink shows.
        var pixels = bitmap.Pixels;
        var drawn = pixels.Count(p => p != SKColors.White) / (double)pixels.Length;
        var dark = pixels.Count(p => p.Red < 0x60 && p.Green < 0x70 && p.Blue < 0x80);
        Assert.InRange(drawn, 0.03, 0.5);
        Assert.True(dark > 1500, $"only {dark} pixels of the figure's dark ink");
    }

    [Theory]
    [MemberData(nameof(PictureSteps.All), MemberType = typeof(PictureSteps))]
    public void Every_step_has_alt_text_that_says_what_the_body_does(string techniqueId, string caution, int index)
    {
        var technique = PictureSteps.Find(techniqueId, caution);

        var image = PictureSteps.Cache.For(technique, index)!;

        Assert.False(string.IsNullOrWhiteSpace(image.AltText));
        Assert.NotEqual(technique.Steps[index].Text, image.AltText);
    }

    [Fact]
    public void The_png_is_a_palette_image()
    {
        var png = PictureSteps.Cache.Find("knee-to-chest", 4)!.Png;

        // IHDR: bit depth 8, colour type 3 (indexed), which keeps line art a few KB.
        Assert.Equal(8, png[24]);
        Assert.Equal(3, png[25]);
    }

    [Fact]
    public void No_two_steps_of_a_technique_share_a_picture()
    {
        var cache = PictureSteps.Cache;
        foreach (var technique in PictureSteps.AsShown())
        {
            var hashes = Enumerable.Range(0, technique.Steps.Count).Select(i => cache.For(technique, i)!.ETag).ToList();
            Assert.True(hashes.Distinct().Count() == hashes.Count, $"{StepImageCache.SetOf(technique)} has two identical pictures");
        }
    }

    [Fact]
    public void An_adapted_technique_has_its_own_pictures()
    {
        var technique = PictureSteps.Knowledge.FindTechnique("childs-pose")!;
        var adapted = technique.AdaptedFor(["pregnancy"]);

        Assert.Equal("childs-pose-for-pregnancy", StepImageCache.SetOf(adapted));
        Assert.NotEqual(PictureSteps.Cache.For(technique, 0)!.ETag, PictureSteps.Cache.For(adapted, 0)!.ETag);
    }

    [Fact]
    public void A_step_without_a_picture_has_none_rather_than_another_steps()
    {
        var technique = PictureSteps.Knowledge.FindTechnique("childs-pose")!;

        Assert.Null(PictureSteps.Cache.For(technique, technique.Steps.Count));
        Assert.Null(PictureSteps.Cache.Find("no-such-technique", 1));
    }
}
