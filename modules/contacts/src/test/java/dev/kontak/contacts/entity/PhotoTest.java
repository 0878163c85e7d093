package dev.kontak.contacts.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PhotoTest {

    @Test
    void aLargePictureIsKeptAtMost512PixelsASideInItsProportionsAsAJpeg() throws IOException {
        Photo photo = Photo.read(file(picture(2000, 1000, BufferedImage.TYPE_INT_RGB), "png"));

        assertEquals(Photo.JPEG, photo.mediaType(), "a picture without transparency is kept as a JPEG");
        assertEquals(512, photo.width());
        assertEquals(256, photo.height());
        BufferedImage kept = ImageIO.read(new ByteArrayInputStream(photo.image()));
        assertEquals(512, kept.getWidth());
        assertEquals(256, kept.getHeight());
        Color left = new Color(kept.getRGB(10, 128));
        Color right = new Color(kept.getRGB(500, 128));
        assertTrue(left.getRed() > 200 && left.getBlue() < 60, "the left half stays red: " + left);
        assertTrue(right.getBlue() > 200 && right.getRed() < 60, "the right half stays blue: " + right);
    }

    @Test
    void aSmallPictureKeepsItsSizeAndATransparentOneStaysAPng() throws IOException {
        Photo small = Photo.read(file(picture(40, 30, BufferedImage.TYPE_INT_RGB), "jpeg"));
        assertEquals(40, small.width());
        assertEquals(30, small.height());

        Photo transparent = Photo.read(file(picture(600, 600, BufferedImage.TYPE_INT_ARGB), "png"));
        assertEquals(Photo.PNG, transparent.mediaType());
        assertEquals(512, transparent.width());
        BufferedImage kept = ImageIO.read(new ByteArrayInputStream(transparent.image()));
        assertEquals(0, kept.getRGB(256, 5) >>> 24, "the transparent stripe stays transparent");
    }

    @Test
    void whatIsNoJpegOrPngOrLargerThanAMegabyteOrUnreadableIsRefusedWithWhatToDo() throws IOException {
        assertEquals("Use a JPEG or PNG file.", refusal(file(picture(10, 10, BufferedImage.TYPE_INT_RGB), "gif")));
        assertEquals("Use a JPEG or PNG file.", refusal("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)));
        assertEquals("The file is empty.", refusal(new byte[0]));
        byte[] jpeg = file(picture(64, 64, BufferedImage.TYPE_INT_RGB), "jpeg");
        assertEquals("This photo could not be read. Use a JPEG or PNG file.",
                refusal(Arrays.copyOf(jpeg, 40)), "a file cut short");
        byte[] tooLarge = Arrays.copyOf(jpeg, Photo.MAX_BYTES + 1);
        assertEquals("Use a photo of at most 1 MB.", refusal(tooLarge));
    }

    @Test
    void aFileWhoseHeaderClaimsAHugePictureIsRefusedBeforeAnyPixelIsDecoded() {
        assertEquals("This photo is too large: use one of at most 100 megapixels.",
                refusal(pngClaiming(50_000, 50_000)));
    }

    @Test
    void twoPhotosAreEqualAndTaggedAlikeExactlyWhenTheirPicturesAre() throws IOException {
        byte[] file = file(noise(100, 80), "png");
        Photo once = Photo.read(file);
        Photo again = Photo.read(file);
        Photo other = Photo.read(file(noise(100, 80), "png"));

        assertEquals(once, again);
        assertEquals(once.tag(), again.tag());
        assertNotEquals(once, other);
        assertNotEquals(once.tag(), other.tag());
        byte[] image = once.image();
        image[0] = 0;
        assertArrayEquals(again.image(), once.image(), "what a caller does with the bytes does not change the photo");
    }

    private static String refusal(byte[] file) {
        return assertThrows(InvalidPhoto.class, () -> Photo.read(file)).getMessage();
    }

    /** Red on the left half, blue on the right; with alpha, a transparent stripe along the top. */
    private static BufferedImage picture(int width, int height, int type) {
        BufferedImage picture = new BufferedImage(width, height, type);
        Graphics2D canvas = picture.createGraphics();
        canvas.setColor(Color.RED);
        canvas.fillRect(0, 0, width / 2, height);
        canvas.setColor(Color.BLUE);
        canvas.fillRect(width / 2, 0, width - width / 2, height);
        if (type == BufferedImage.TYPE_INT_ARGB) {
            canvas.setComposite(java.awt.AlphaComposite.Clear);
            canvas.fillRect(0, 0, width, height / 10);
        }
        canvas.dispose();
        return picture;
    }

    private static BufferedImage noise(int width, int height) {
        Random random = new Random();
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                picture.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return picture;
    }

    private static byte[] file(BufferedImage picture, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(picture, format, out), format);
        return out.toByteArray();
    }

    /** A PNG signature and a well-formed header (IHDR) for a picture of this size, and no pixels. */
    private static byte[] pngClaiming(int width, int height) {
        ByteBuffer header = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(header.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
                .putInt(13).put(header.array()).putInt((int) crc.getValue()).array();
    }
}
