using System.Buffers.Binary;
using System.IO.Compression;

namespace BackCare.Bot.Tests.TeamsPackage;

/// <summary>A minimal PNG reader for the icon tests: the IHDR size, and RGBA pixels of 8-bit RGBA (colour type 6) images.</summary>
public sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private PngImage(int width, int height, byte bitDepth, byte colorType, byte[] idat)
    {
        Width = width;
        Height = height;
        BitDepth = bitDepth;
        ColorType = colorType;
        _idat = idat;
    }

    private readonly byte[] _idat;

    public int Width { get; }

    public int Height { get; }

    public byte BitDepth { get; }

    public byte ColorType { get; }

    public static PngImage Read(byte[] png)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual(Signature), "not a PNG signature");
        var position = 8;
        int? width = null, height = null;
        byte bitDepth = 0, colorType = 0;
        using var idat = new MemoryStream();
        while (position + 8 <= png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(position));
            var type = System.Text.Encoding.ASCII.GetString(png, position + 4, 4);
            var data = png.AsSpan(position + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                bitDepth = data[8];
                colorType = data[9];
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            position += 12 + length;
            if (type == "IEND")
            {
                break;
            }
        }

        Assert.True(width.HasValue && height.HasValue, "no IHDR chunk");
        return new PngImage(width.Value, height.Value, bitDepth, colorType, idat.ToArray());
    }

    /// <summary>The pixels as RGBA bytes, row by row, scanline filters undone.</summary>
    public byte[] Rgba()
    {
        Assert.True(BitDepth == 8 && ColorType == 6, $"the reader handles 8-bit RGBA only (bit depth {BitDepth}, colour type {ColorType})");
        const int BytesPerPixel = 4;
        var stride = Width * BytesPerPixel;
        using var inflater = new ZLibStream(new MemoryStream(_idat), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        var data = raw.ToArray();
        Assert.Equal(Height * (stride + 1), data.Length);

        var pixels = new byte[Height * stride];
        for (var y = 0; y < Height; y++)
        {
            var filter = data[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                var value = data[(y * (stride + 1)) + 1 + x];
                var a = x >= BytesPerPixel ? pixels[(y * stride) + x - BytesPerPixel] : 0;
                var b = y > 0 ? pixels[((y - 1) * stride) + x] : 0;
                var c = x >= BytesPerPixel && y > 0 ? pixels[((y - 1) * stride) + x - BytesPerPixel] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"unknown PNG filter {filter}"),
                };
                pixels[(y * stride) + x] = (byte)(value + predictor);
            }
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
