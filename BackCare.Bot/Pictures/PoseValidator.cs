using System.Globalization;
using BackCare.Bot.Content;

namespace BackCare.Bot.Pictures;

/// <summary>
/// The checks on poses.json that its shape cannot make: one picture set for each technique and each adaptation, one
/// picture per step in step order (each naming its step's title, so a reordered or renamed step shows here), alt text
/// present and chat-sized, every point on the grid and no bone longer than a body's (a mistyped number shows as a
/// giant limb). Collects every problem, as <see cref="ContentValidator"/> does.
/// </summary>
internal sealed class PoseValidator(List<ContentError> errors)
{
    private const string File = PoseLoader.PosesFile;

    /// <summary>The longest each bone may be drawn, in grid units (a standing adult is about 70 tall).</summary>
    private static readonly (string Name, double Max)[] Bones =
    [
        ("neck to head", 8), ("neck to pelvis", 30), ("neck to shoulder", 7), ("pelvis to hip", 5),
        ("upper arm", 14), ("forearm", 14), ("thigh", 20), ("shin", 20), ("foot", 8),
    ];

    public void Validate(IReadOnlyList<TechniquePoses> sets, IReadOnlyList<Technique> techniques)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < sets.Count; i++)
        {
            var path = $"$.poses[{i}]";
            var set = sets[i];
            if (set is null)
            {
                Add(path, "is null; expected a technique's pictures");
                continue;
            }

            var setId = PoseBook.SetId(set.Technique, set.ForCaution);
            if (!seen.TryAdd(setId, path))
            {
                Add(path, $"repeats the pictures of \"{setId}\" given at {seen[setId]}");
                continue;
            }

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

            ValidateSteps(path, setId, set.Steps, steps);
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

    private void ValidateSteps(string path, string setId, IReadOnlyList<StepPose> poses, IReadOnlyList<TechniqueStep> steps)
    {
        if (poses.Count != steps.Count)
        {
            Add(path + ".steps", $"has {poses.Count} pictures, but \"{setId}\" has {steps.Count} steps; give one picture per step, in step order");
        }

        var alts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var j = 0; j < poses.Count; j++)
        {
            var stepPath = $"{path}.steps[{j}]";
            var pose = poses[j];
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
            else if (!alts.TryAdd(pose.Alt.Trim(), stepPath))
            {
                Add(stepPath + ".alt", $"repeats the alt text of {alts[pose.Alt.Trim()]}; each step's picture says what is different about it");
            }

            ValidateFigure(stepPath + ".figure", pose.Figure);
            ValidateProps(stepPath + ".props", pose.Props);
            ValidateArrows(stepPath + ".arrows", pose.Arrows);
            if (pose.Highlight.Count != pose.Highlight.Distinct().Count())
            {
                Add(stepPath + ".highlight", "names a part twice");
            }
        }
    }

    private void ValidateFigure(string path, StickFigure figure)
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

    private void ValidateProps(string path, IReadOnlyList<PoseProp> props)
    {
        for (var k = 0; k < props.Count; k++)
        {
            var prop = props[k];
            if (prop is null)
            {
                Add($"{path}[{k}]", "is null; expected a prop");
                continue;
            }

            if (!PoseGrid.Contains(prop.At))
            {
                Add($"{path}[{k}].at", $"{prop.At} is off the picture");
            }

            if (prop.Size.X <= 0 || prop.Size.Y <= 0)
            {
                Add($"{path}[{k}].size", $"{prop.Size} must be two positive numbers");
            }
        }
    }

    private void ValidateArrows(string path, IReadOnlyList<PoseArrow> arrows)
    {
        for (var k = 0; k < arrows.Count; k++)
        {
            var arrow = arrows[k];
            if (arrow is null)
            {
                Add($"{path}[{k}]", "is null; expected an arrow");
                continue;
            }

            if (!PoseGrid.Contains(arrow.From) || !PoseGrid.Contains(arrow.To))
            {
                Add($"{path}[{k}]", "starts or ends off the picture");
            }

            if (arrow.From.DistanceTo(arrow.To) < 2)
            {
                Add($"{path}[{k}]", "is shorter than 2 units; it would show as a dot");
            }

            if (arrow.Bend is < -1 or > 1)
            {
                Add($"{path}[{k}].bend", "must be from -1 to 1");
            }
        }
    }

    private void Add(string path, string problem) => errors.Add(new ContentError(File, path, problem));
}
