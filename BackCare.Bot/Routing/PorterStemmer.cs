namespace BackCare.Bot.Routing;

/// <summary>
/// Martin Porter's 1980 suffix-stripping stemmer for English ("cracking", "cracked", "cracks" → "crack"),
/// written by hand because this machine's NuGet registry serves no stemming package. It follows the
/// published algorithm (with the common "bli"→"ble" and "logi"→"log" amendments of Porter's own reference
/// implementation). Stems are not words ("pregnancy" → "pregnanc"): they only have to agree between the
/// routing data and the user's message, which both go through this same function.
/// </summary>
internal static class PorterStemmer
{
    public static string Stem(string word)
    {
        // Short words, and tokens that are not plain lower-case letters (numbers, "l5"), are left alone.
        if (word.Length <= 2 || !word.All(c => c is >= 'a' and <= 'z'))
        {
            return word;
        }

        var b = new StemBuffer(word);
        b.Step1Ab();
        if (b.End > 1)
        {
            b.Step1C();
            b.Step2();
            b.Step3();
            b.Step4();
            b.Step5();
        }

        return b.Result;
    }

    /// <summary>The word being stemmed; End is one past its last letter, J the end of the candidate stem.</summary>
    private sealed class StemBuffer(string word)
    {
        private readonly char[] _b = word.ToCharArray();
        private int _j;

        public int End { get; private set; } = word.Length;

        public string Result => new(_b, 0, End);

        private bool IsConsonant(int i) => _b[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(i - 1),
            _ => true,
        };

        // m(): the number of vowel-consonant sequences in the stem b[0.._j].
        private int Measure()
        {
            var n = 0;
            var i = 0;
            while (true)
            {
                if (i > _j)
                {
                    return n;
                }

                if (!IsConsonant(i))
                {
                    break;
                }

                i++;
            }

            i++;
            while (true)
            {
                while (true)
                {
                    if (i > _j)
                    {
                        return n;
                    }

                    if (IsConsonant(i))
                    {
                        break;
                    }

                    i++;
                }

                i++;
                n++;
                while (true)
                {
                    if (i > _j)
                    {
                        return n;
                    }

                    if (!IsConsonant(i))
                    {
                        break;
                    }

                    i++;
                }

                i++;
            }
        }

        private bool VowelInStem()
        {
            for (var i = 0; i <= _j; i++)
            {
                if (!IsConsonant(i))
                {
                    return true;
                }
            }

            return false;
        }

        private bool DoubleConsonant(int j) => j >= 1 && _b[j] == _b[j - 1] && IsConsonant(j);

        // cvc(i): consonant-vowel-consonant ending at i, the last not w, x or y ("hop", not "snow").
        private bool Cvc(int i)
        {
            if (i < 2 || !IsConsonant(i) || IsConsonant(i - 1) || !IsConsonant(i - 2))
            {
                return false;
            }

            return _b[i] is not ('w' or 'x' or 'y');
        }

        private bool EndsWith(string s)
        {
            var k = End - 1;
            var l = s.Length;
            if (l > End)
            {
                return false;
            }

            for (var i = 0; i < l; i++)
            {
                if (_b[k - l + 1 + i] != s[i])
                {
                    return false;
                }
            }

            _j = k - l;
            return true;
        }

        private void SetTo(string s)
        {
            for (var i = 0; i < s.Length; i++)
            {
                _b[_j + 1 + i] = s[i];
            }

            End = _j + 1 + s.Length;
        }

        private void ReplaceIfMeasured(string s)
        {
            if (Measure() > 0)
            {
                SetTo(s);
            }
        }

        public void Step1Ab()
        {
            if (_b[End - 1] == 's')
            {
                if (EndsWith("sses"))
                {
                    End -= 2;
                }
                else if (EndsWith("ies"))
                {
                    SetTo("i");
                }
                else if (End >= 2 && _b[End - 2] != 's')
                {
                    End--;
                }
            }

            if (EndsWith("eed"))
            {
                if (Measure() > 0)
                {
                    End--;
                }
            }
            else if ((EndsWith("ed") || EndsWith("ing")) && VowelInStem())
            {
                End = _j + 1;
                if (EndsWith("at"))
                {
                    SetTo("ate");
                }
                else if (EndsWith("bl"))
                {
                    SetTo("ble");
                }
                else if (EndsWith("iz"))
                {
                    SetTo("ize");
                }
                else if (DoubleConsonant(End - 1))
                {
                    var ch = _b[End - 1];
                    if (ch is not ('l' or 's' or 'z'))
                    {
                        End--;
                    }
                }
                else
                {
                    _j = End - 1;
                    if (Measure() == 1 && Cvc(End - 1))
                    {
                        SetTo("e");
                    }
                }
            }
        }

        public void Step1C()
        {
            if (EndsWith("y") && VowelInStem())
            {
                _b[End - 1] = 'i';
            }
        }

        public void Step2()
        {
            if (End < 2)
            {
                return;
            }

            switch (_b[End - 2])
            {
                case 'a':
                    if (EndsWith("ational"))
                    {
                        ReplaceIfMeasured("ate");
                    }
                    else if (EndsWith("tional"))
                    {
                        ReplaceIfMeasured("tion");
                    }

                    break;
                case 'c':
                    if (EndsWith("enci"))
                    {
                        ReplaceIfMeasured("ence");
                    }
                    else if (EndsWith("anci"))
                    {
                        ReplaceIfMeasured("ance");
                    }

                    break;
                case 'e':
                    if (EndsWith("izer"))
                    {
                        ReplaceIfMeasured("ize");
                    }

                    break;
                case 'l':
                    if (EndsWith("bli"))
                    {
                        ReplaceIfMeasured("ble");
                    }
                    else if (EndsWith("alli"))
                    {
                        ReplaceIfMeasured("al");
                    }
                    else if (EndsWith("entli"))
                    {
                        ReplaceIfMeasured("ent");
                    }
                    else if (EndsWith("eli"))
                    {
                        ReplaceIfMeasured("e");
                    }
                    else if (EndsWith("ousli"))
                    {
                        ReplaceIfMeasured("ous");
                    }

                    break;
                case 'o':
                    if (EndsWith("ization"))
                    {
                        ReplaceIfMeasured("ize");
                    }
                    else if (EndsWith("ation"))
                    {
                        ReplaceIfMeasured("ate");
                    }
                    else if (EndsWith("ator"))
                    {
                        ReplaceIfMeasured("ate");
                    }

                    break;
                case 's':
                    if (EndsWith("alism"))
                    {
                        ReplaceIfMeasured("al");
                    }
                    else if (EndsWith("iveness"))
                    {
                        ReplaceIfMeasured("ive");
                    }
                    else if (EndsWith("fulness"))
                    {
                        ReplaceIfMeasured("ful");
                    }
                    else if (EndsWith("ousness"))
                    {
                        ReplaceIfMeasured("ous");
                    }

                    break;
                case 't':
                    if (EndsWith("aliti"))
                    {
                        ReplaceIfMeasured("al");
                    }
                    else if (EndsWith("iviti"))
                    {
                        ReplaceIfMeasured("ive");
                    }
                    else if (EndsWith("biliti"))
                    {
                        ReplaceIfMeasured("ble");
                    }

                    break;
                case 'g':
                    if (EndsWith("logi"))
                    {
                        ReplaceIfMeasured("log");
                    }

                    break;
            }
        }

        public void Step3()
        {
            switch (_b[End - 1])
            {
                case 'e':
                    if (EndsWith("icate"))
                    {
                        ReplaceIfMeasured("ic");
                    }
                    else if (EndsWith("ative"))
                    {
                        ReplaceIfMeasured("");
                    }
                    else if (EndsWith("alize"))
                    {
                        ReplaceIfMeasured("al");
                    }

                    break;
                case 'i':
                    if (EndsWith("iciti"))
                    {
                        ReplaceIfMeasured("ic");
                    }

                    break;
                case 'l':
                    if (EndsWith("ical"))
                    {
                        ReplaceIfMeasured("ic");
                    }
                    else if (EndsWith("ful"))
                    {
                        ReplaceIfMeasured("");
                    }

                    break;
                case 's':
                    if (EndsWith("ness"))
                    {
                        ReplaceIfMeasured("");
                    }

                    break;
            }
        }

        public void Step4()
        {
            if (End < 2)
            {
                return;
            }

            var matched = _b[End - 2] switch
            {
                'a' => EndsWith("al"),
                'c' => EndsWith("ance") || EndsWith("ence"),
                'e' => EndsWith("er"),
                'i' => EndsWith("ic"),
                'l' => EndsWith("able") || EndsWith("ible"),
                'n' => EndsWith("ant") || EndsWith("ement") || EndsWith("ment") || EndsWith("ent"),
                'o' => (EndsWith("ion") && _j >= 0 && _b[_j] is 's' or 't') || EndsWith("ou"),
                's' => EndsWith("ism"),
                't' => EndsWith("ate") || EndsWith("iti"),
                'u' => EndsWith("ous"),
                'v' => EndsWith("ive"),
                'z' => EndsWith("ize"),
                _ => false,
            };

            if (matched && Measure() > 1)
            {
                End = _j + 1;
            }
        }

        public void Step5()
        {
            _j = End - 1;
            if (_b[End - 1] == 'e')
            {
                var m = Measure();
                if (m > 1 || (m == 1 && !Cvc(End - 2)))
                {
                    End--;
                }
            }

            // As in Porter's reference code, the measure here still counts a final 'e' removed just above.
            if (_b[End - 1] == 'l' && DoubleConsonant(End - 1) && Measure() > 1)
            {
                End--;
            }
        }
    }
}
