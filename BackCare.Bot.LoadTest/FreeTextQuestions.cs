using System.Globalization;

namespace BackCare.Bot.LoadTest;

/// <summary>
/// Typed questions of the kind people ask BackCare, every one different: the n-th text of a run is a
/// question (or an off-topic line, or a longer story) with an opener, a sentence about the asker, a
/// closer and sometimes a typo, each picked by one digit of n in mixed radix, so no text repeats within
/// the first <see cref="DistinctTexts"/> and a cache keyed by the text (or by anything that tells these
/// apart) cannot answer one from another. One instance is shared by every user and lane of a run.
/// </summary>
internal sealed class FreeTextQuestions
{
    // The question comes first in the radix, so that one user's consecutive messages change subject.
    private static readonly string[] Questions =
    [
        // Cracking one's back.
        "is it bad to crack my back every morning?",
        "why does my back pop so loudly when I twist?",
        "can cracking your own back cause damage over time?",
        "do I need to hear a pop for it to work?",
        "how often is it ok to crack my lower back?",
        "is it safe to crack my back myself or should I leave it to a chiropractor?",
        "what actually makes the cracking noise in the spine?",
        "my back clicks all the time, is that normal?",
        "why do I feel the urge to crack my back after sitting?",
        // Foam rolling vs stretching.
        "is foam rolling better than stretching for a stiff back?",
        "should I stretch or foam roll first after a workout?",
        "which foam roller should I buy, soft or firm?",
        "can I foam roll my lower back or only my upper back?",
        "how long should I spend on the foam roller each day?",
        // Posture.
        "how should I sit at my desk to keep my back happy?",
        "does slouching on the couch really hurt your back?",
        "what is a good posture when working on a laptop?",
        "is a standing desk worth it for back stiffness?",
        // Sleep.
        "what is the best sleeping position for lower back stiffness?",
        "should I put a pillow between my knees at night?",
        "is a firm mattress better for back pain?",
        "why is my back so stiff when I wake up?",
        // Lifting.
        "how do I lift heavy boxes without hurting my back?",
        "is it ok to deadlift with a stiff lower back?",
        "what is the right way to pick up my toddler?",
        "any tips for carrying shopping bags without back ache?",
        // Stress.
        "can stress make my back tighter?",
        "does being anxious make back stiffness worse?",
        "how do I relax my back muscles after a stressful day?",
        // Core.
        "which core exercises help with back pain?",
        "will planks strengthen my lower back?",
        "is a strong core really important for the back?",
        // When to see a doctor (without the warning signs that would make it an emergency).
        "when should I see a doctor about my back?",
        "my back has been stiff for two weeks, should I see a GP?",
        "how do I know if my back pain needs a physio?",
        "is it time to get my back checked if it keeps coming back?",
        "can I crack my back while pregnant?",
        // The techniques.
        "how do I do a seated spinal twist?",
        "can you show me the knee to chest stretch?",
        "what is child's pose and is it good for the lower back?",
        "how do I do a standing back extension at work?",
        "walk me through a foam roller release for the back",
        "which stretch is best when my lower back feels tight?",
        "I'd like a gentle stretch for my back please",
        "what does the lumbar spine actually look like?",
        "how much water should I drink for healthy discs?",
        "what exercises should I avoid with a bad back?",
        // Off topic.
        "what's the weather going to be like tomorrow?",
        "can you recommend a good pizza place nearby?",
        "who won the football last night?",
        "how do I reset my email password?",
        "tell me a joke about cats",
        "what is the capital of Australia?",
        "can you help me write a note to my landlord?",
        "what's a good name for a goldfish?",
        "how many cups of coffee a day is too many?",
        // Longer, story-like messages.
        "so this has been going on for a while. I spend most of the week at a desk and by Thursday my lower back is stiff and achy, mostly on the left side. Stretching helps a little in the morning but it comes back by lunchtime. I tried a foam roller my sister lent me but I am not sure I am using it right. Is there something simple I can do at work, and should I be doing it every hour or just once a day?",
        "I helped my brother move flat at the weekend, carrying boxes and a sofa up three flights of stairs, and since then my back has been tight and it cracks every time I bend over to tie my shoes. It is not sharp, more of a dull ache that gets better when I walk around. Is this just overdoing it and will it settle, or is there a stretch that would help it along?",
        "my partner keeps cracking their back by twisting in the chair and it makes a horrible noise. They say it feels great afterwards but I am worried they are wearing out their joints or making things looser. I read somewhere that it is just gas in the joint, but is it really harmless to do it ten times a day for years?",
        "I started working from home last year and my setup is just the kitchen table and a laptop. Most evenings my back feels stiff and I end up lying on the floor to stretch it out. I cannot afford a fancy chair right now. What changes would make the most difference, and is there a quick routine I could do in the evenings?",
        "every morning I wake up stiff and it takes about half an hour before I can bend properly. Once I get moving it is fine for the rest of the day. I sleep on my stomach mostly, on a mattress that is probably ten years old. Could it be the way I sleep, and what should I try first before spending money on a new bed?",
        "I have been going to the gym for about two months, mostly squats and rows, and my lower back feels tight the day after every session. My form looks ok in the mirror but I am not sure. Should I stretch before or after lifting, and would foam rolling or core work help more with the tightness?",
    ];

    private static readonly string[] Openers =
    [
        "hi,", "quick question:", "hey there,", "ok so", "hello bot,", "sorry to bother you but", "random one:", "morning!",
        "me again,", "um", "question for you:", "right,", "honest question:", "not sure who to ask but", "my friend asked me this:", "hiya,",
    ];

    private static readonly string[] AboutMe =
    [
        "I work at a desk all day.", "I've been doing a lot of gardening lately.", "I started running again last month.", "I drive for a living.",
        "I have two small kids to carry around.", "I just joined a gym.", "My back has been stiff since the weekend.", "I'm in my forties.",
        "I do yoga now and then.", "I spend hours on my laptop on the sofa.", "I'm a nurse and on shift a lot.", "My office chair is awful.",
        "I moved house last week.", "I play tennis on Sundays.",
    ];

    private static readonly string[] Closers =
    [
        "thanks!", "cheers", "any advice?", "thx", "what do you think?", "be honest", "thanks in advance", "just curious",
        "asking for a friend", "no rush", "appreciate it", "ta",
    ];

    /// <summary>No typo, two letters swapped, one letter dropped: three different spellings of the same question.</summary>
    private const int Spellings = 3;

    private long _next = -1;

    /// <summary>How many texts are different by construction; past that a count is appended, so they still differ.</summary>
    public static long DistinctTexts { get; } = (long)Questions.Length * Openers.Length * AboutMe.Length * Closers.Length * Spellings;

    /// <summary>How many subjects the texts are about; the tests walk through all of them.</summary>
    public static int QuestionCount => Questions.Length;

    /// <summary>The next text of the run; thread-safe.</summary>
    public string Next() => Compose(Interlocked.Increment(ref _next));

    /// <summary>The <paramref name="index"/>-th text: a pure function, so a test can check that texts never repeat.</summary>
    public static string Compose(long index)
    {
        var rest = index;
        var question = Questions[Digit(ref rest, Questions.Length)];
        var opener = Openers[Digit(ref rest, Openers.Length)];
        var aboutMe = AboutMe[Digit(ref rest, AboutMe.Length)];
        var closer = Closers[Digit(ref rest, Closers.Length)];
        var spelling = Digit(ref rest, Spellings);
        var text = $"{opener} {aboutMe} {Misspell(question, spelling)} {closer}";
        return rest == 0 ? text : string.Create(CultureInfo.InvariantCulture, $"{text} (again, {rest})");
    }

    private static int Digit(ref long rest, int radix)
    {
        var digit = (int)(rest % radix);
        rest /= radix;
        return digit;
    }

    /// <summary>
    /// The typo goes in the longest word, where people make them and where a keyword usually is. Swapping two
    /// different letters keeps the length and dropping one does not, so the three spellings always differ.
    /// </summary>
    private static string Misspell(string text, int spelling)
    {
        if (spelling == 0)
        {
            return text;
        }

        var (start, length) = LongestWord(text);
        var middle = start + (length / 2);
        if (spelling == 2)
        {
            return text.Remove(middle, 1);
        }

        for (var i = start; i < start + length - 1; i++)
        {
            var at = (i - start + (length / 2)) % (length - 1) + start;
            if (text[at] != text[at + 1])
            {
                return string.Concat(text.AsSpan(0, at), text.AsSpan(at + 1, 1), text.AsSpan(at, 1), text.AsSpan(at + 2));
            }
        }

        throw new InvalidOperationException($"No two different letters to swap in \"{text}\".");
    }

    private static (int Start, int Length) LongestWord(string text)
    {
        var best = (Start: 0, Length: 0);
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || !char.IsLetter(text[i]))
            {
                if (i - start > best.Length)
                {
                    best = (start, i - start);
                }

                start = i + 1;
            }
        }

        return best;
    }
}
