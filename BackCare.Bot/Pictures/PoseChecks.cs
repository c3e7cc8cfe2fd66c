using System.Globalization;
using BackCare.Bot.Content;
using BackCare.Bot.Content.Checks;

namespace BackCare.Bot.Pictures;

/// <summary>
/// The checks on poses.json that its shape cannot make: one picture set for each technique and each adaptation, one
/// picture per step in step order (each naming its step's title, so a reordered or renamed step shows here), alt text
/// present and chat-sized, every point on the grid and no bone longer than a body's (a mistyped number shows as a
/// giant limb). Collects every problem, as the other knowledge files' checks (Content/Checks) do.
/// </summary>
internal sealed class PoseChecks(List<ContentError> errors)
{
    private const string File = PoseLoader.PosesFile;

    /// <summary>The longest each bone may be drawn, in grid units (a standing adult is about 70 tall).</summary>
    private static readonly (string Name, double Max)[] Bones =
    [
        ("neck to head", 8), ("neck to pelvis", 30), ("neck to shoulder", 7), ("pelvis to hip", 5),
        ("upper arm", 14), ("forearm", 14), ("thigh", 20), ("shin", 20), ("foot", 8),
    ];

    public void Check(IReadOnlyList<TechniquePoses> sets, IReadOnlyList<Technique> techniques)
    {
        var seen = UniqueValues.FirstOfEach(Present(sets, "$.poses", "a technique's pictures"), e => SetId(e.Item), StringComparer.Ordinal, (repeat, first) =>
            Add(repeat.Path, $"repeats the pictures of \"{SetId(repeat.Item)}\" given at {first.Path}"));
        foreach (var (setId, (set, path)) in seen)
        {
            var technique = techniques.FirstOrDefault(t => t?.Id == set.Technique);
            if (technique is null)
            {
                Add(path + ".technique", $"\"{set.Technique}\" is not the id of a technique in {ContentLoader.TechniquesFile}");
                continue;
            }

            var steps = technique.Steps;
            if (set.ForCaution is { } caution)
            {
                var adaptation = technique.Adaptations.FirstOrDefault(a => a?.ForCaution == caution);
                if (adaptation is null)
                {
                    Add(path + ".forCaution", $"\"{caution}\" is not the caution of an adaptation of \"{technique.Id}\"");
                    continue;
                }

                steps = adaptation.Steps;
            }

            CheckSteps(path, setId, set.Steps, steps);
        }

        foreach (var technique in techniques.Where(t => t is not null))
        {
            foreach (var setId in technique.Adaptations.Where(a => a is not null).Select(a => PoseBook.SetId(technique.Id, a.ForCaution)).Prepend(technique.Id))
            {
                if (!seen.ContainsKey(setId))
                {
                    Add("$.poses", $"has no pictures for \"{setId}\"; every technique and adaptation needs one per step");
                }
            }
        }
    }

    private void CheckSteps(string path, string setId, IReadOnlyList<StepPose> poses, IReadOnlyList<TechniqueStep> steps)
    {
        if (poses.Count != steps.Count)
        {
            Add(path + ".steps", $"has {poses.Count} pictures, but \"{setId}\" has {steps.Count} steps; give one picture per step, in step order");
        }

        foreach (var ((pose, stepPath), j) in ItemPaths.Of(poses, path + ".steps").Select((entry, j) => (entry, j)))
        {
            if (pose is null)
            {
                Add(stepPath, "is null; expected a step's picture");
                continue;
            }

            if (j < steps.Count && steps[j] is { } step && !string.Equals(pose.Step, step.Title, StringComparison.Ordinal))
            {
                Add(stepPath + ".step", $"is \"{pose.Step}\", but step {j + 1} of \"{setId}\" is \"{step.Title}\"; a picture names the step it shows");
            }

            if (string.IsNullOrWhiteSpace(pose.Alt))
            {
                Add(stepPath + ".alt", "is empty; say what the body does, for people who cannot see the picture");
            }
            else if (pose.Alt.Length > ContentLimits.ShortText)
            {
                Add(stepPath + ".alt", $"is {pose.Alt.Length} characters; keep alt text to {ContentLimits.ShortText}");
            }

            CheckFigure(stepPath + ".figure", pose.Figure);
            CheckProps(stepPath + ".props", pose.Props);
            CheckArrows(stepPath + ".arrows", pose.Arrows);
            if (pose.Highlight.Count != pose.Highlight.Distinct().Count())
            {
                Add(stepPath + ".highlight", "names a part twice");
            }
        }

        var alts = poses.Select((pose, j) => (pose?.Alt, Path: $"{path}.steps[{j}]")).Where(a => a.Alt?.Length <= ContentLimits.ShortText);
        UniqueValues.FirstOfEach(alts, a => a.Alt?.Trim(), StringComparer.OrdinalIgnoreCase, (repeat, first) =>
            Add(repeat.Path + ".alt", $"repeats the alt text of {first.Path}; each step's picture says what is different about it"));
    }

    private void CheckFigure(string path, StickFigure figure)
    {
        var points = new List<(string Name, PosePoint Point)>
        {
            ("head", figure.Head), ("neck", figure.Neck), ("pelvis", figure.Pelvis),
        };
        if (figure.Chest is { } chest)
        {
            points.Add(("chest", chest));
        }

        var torso = figure.Chest is { } through ? figure.Neck.DistanceTo(through) + through.DistanceTo(figure.Pelvis) : figure.Neck.DistanceTo(figure.Pelvis);
        var lengths = new List<(string Bone, string Where, double Length)>
        {
            ("neck to head", "head", figure.Neck.DistanceTo(figure.Head)),
            ("neck to pelvis", "pelvis", torso),
        };

        foreach (var (name, limbs) in new[] { ("left", figure.Left), ("right", figure.Right) })
        {
            var shoulder = limbs.Shoulder ?? figure.Neck;
            var hip = limbs.Hip ?? figure.Pelvis;
            points.AddRange([($"{name}.elbow", limbs.Elbow), ($"{name}.hand", limbs.Hand), ($"{name}.knee", limbs.Knee), ($"{name}.ankle", limbs.Ankle), ($"{name}.toe", limbs.Toe)]);
            if (limbs.Shoulder is { } s)
            {
                points.Add(($"{name}.shoulder", s));
            }

            if (limbs.Hip is { } h)
            {
                points.Add(($"{name}.hip", h));
            }

            lengths.AddRange(
            [
                ("neck to shoulder", $"{name}.shoulder", figure.Neck.DistanceTo(shoulder)),
                ("pelvis to hip", $"{name}.hip", figure.Pelvis.DistanceTo(hip)),
                ("upper arm", $"{name}.elbow", shoulder.DistanceTo(limbs.Elbow)),
                ("forearm", $"{name}.hand", limbs.Elbow.DistanceTo(limbs.Hand)),
                ("thigh", $"{name}.knee", hip.DistanceTo(limbs.Knee)),
                ("shin", $"{name}.ankle", limbs.Knee.DistanceTo(limbs.Ankle)),
                ("foot", $"{name}.toe", limbs.Ankle.DistanceTo(limbs.Toe)),
            ]);
        }

        foreach (var (name, point) in points.Where(p => !PoseGrid.Contains(p.Point)))
        {
            Add($"{path}.{name}", $"{point} is off the picture; x runs from 0 to {PoseGrid.Width}, y from {PoseGrid.Bottom} to {PoseGrid.Height} (the floor is 0)");
        }

        foreach (var (bone, where, length) in lengths)
        {
            var max = Bones.First(b => b.Name == bone).Max;
            if (length > max)
            {
                Add($"{path}.{where}", string.Create(CultureInfo.InvariantCulture, $"makes the {bone} {length:0.#} units long; at most {max} (a standing adult is about 70 tall)"));
            }
        }
    }

    private void CheckProps(string path, IReadOnlyList<PoseProp> props)
    {
        foreach (var (prop, propPath) in Present(props, path, "a prop"))
        {
            if (!PoseGrid.Contains(prop.At))
            {
                Add(propPath + ".at", $"{prop.At} is off the picture");
            }

            if (prop.Size.X <= 0 || prop.Size.Y <= 0)
            {
                Add(propPath + ".size", $"{prop.Size} must be two positive numbers");
            }
        }
    }

    private void CheckArrows(string path, IReadOnlyList<PoseArrow> arrows)
    {
        foreach (var (arrow, arrowPath) in Present(arrows, path, "an arrow"))
        {
            if (!PoseGrid.Contains(arrow.From) || !PoseGrid.Contains(arrow.To))
            {
                Add(arrowPath, "starts or ends off the picture");
            }

            if (arrow.From.DistanceTo(arrow.To) < 2)
            {
                Add(arrowPath, "is shorter than 2 units; it would show as a dot");
            }

            if (arrow.Bend is < -1 or > 1)
            {
                Add(arrowPath + ".bend", "must be from -1 to 1");
            }
        }
    }

    /// <summary>A list's items with their paths; a null one (which the schema refuses) is named and passed over rather than crashing the checks.</summary>
    private IEnumerable<(T Item, string Path)> Present<T>(IReadOnlyList<T> items, string listPath, string expected)
    {
        foreach (var (item, path) in ItemPaths.Of(items, listPath))
        {
            if (item is null)
            {
                Add(path, $"is null; expected {expected}");
                continue;
            }

            yield return (item, path);
        }
    }

    private static string SetId(TechniquePoses set) => PoseBook.SetId(set.Technique, set.ForCaution);

    private void Add(string path, string problem) => errors.Add(new ContentError(File, path, problem));
}
