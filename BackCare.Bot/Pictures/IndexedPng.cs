using System.Buffers.Binary;
using System.IO.Compression;
using SkiaSharp;

namespace BackCare.Bot.Pictures;

/// <summary>
/// Writes a drawing as an 8-bit palette PNG. SkiaSharp's own encoder writes 32-bit colour, several times larger for
/// line art; a step picture travels inside the card as a data URI where the bot has no public address, and Teams
/// refuses a message over about 28 KB. The palette is the drawing's inks and three blends between each pair of them,
/// which is what antialiased edges are made of; every pixel takes the nearest palette colour.
/// </summary>
internal static class IndexedPng
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly uint[] CrcTable = BuildCrcTable();

    public static byte[] Encode(SKBitmap bitmap, IReadOnlyList<SKColor> inks)
    {
        var palette = Palette(inks);
        var width = bitmap.Width;
        var height = bitmap.Height;

        // One filter byte (0: none, best for palette images) then one index per pixel, row by row.
        var raw = new byte[height * (width + 1)];
        var nearest = new Dictionary<uint, byte>();
        var pixels = bitmap.Pixels;
        for (var y = 0; y < height; y++)
        {
            var row = y * (width + 1);
            for (var x = 0; x < width; x++)
            {
                var color = pixels[(y * width) + x];
                var key = (uint)color;
                if (!nearest.TryGetValue(key, out var index))
                {
                    index = Nearest(palette, color);
                    nearest[key] = index;
                }

                raw[row + 1 + x] = index;
            }
        }

        using var output = new MemoryStream();
        output.Write(Signature);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 3; // colour type: palette
        WriteChunk(output, "IHDR", header);

        var plte = new byte[palette.Count * 3];
        for (var i = 0; i < palette.Count; i++)
        {
            plte[i * 3] = palette[i].Red;
            plte[(i * 3) + 1] = palette[i].Green;
            plte[(i * 3) + 2] = palette[i].Blue;
        }

        WriteChunk(output, "PLTE", plte);

        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                zlib.Write(raw);
            }

            WriteChunk(output, "IDAT", compressed.ToArray());
        }

        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    private static List<SKColor> Palette(IReadOnlyList<SKColor> inks)
    {
        var palette = new List<SKColor>(inks);
        for (var a = 0; a < inks.Count; a++)
        {
            for (var b = a + 1; b < inks.Count; b++)
            {
                foreach (var t in new[] { 0.25, 0.5, 0.75 })
                {
                    palette.Add(new SKColor(Mix(inks[a].Red, inks[b].Red, t), Mix(inks[a].Green, inks[b].Green, t), Mix(inks[a].Blue, inks[b].Blue, t)));
                }
            }
        }

        return palette.Count <= 256 ? palette : throw new InvalidOperationException($"{inks.Count} inks make a palette of more than 256 colours.");
    }

    private static byte Mix(byte a, byte b, double t) => (byte)Math.Round(a + ((b - a) * t));

    private static byte Nearest(List<SKColor> palette, SKColor color)
    {
        var best = 0;
        var bestDistance = int.MaxValue;
        for (var i = 0; i < palette.Count; i++)
        {
            var dr = palette[i].Red - color.Red;
            var dg = palette[i].Green - color.Green;
            var db = palette[i].Blue - color.Blue;
            var distance = (dr * dr) + (dg * dg) + (db * db);
            if (distance < bestDistance)
            {
                best = i;
                bestDistance = distance;
            }
        }

        return (byte)best;
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);

        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);

        var crc = Crc(Crc(0xFFFFFFFFu, typeBytes), data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        output.Write(word);
    }

    private static uint Crc(uint crc, byte[] data)
    {
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
