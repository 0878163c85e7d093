package dev.kontak.contacts.entity;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Reads the picture in an uploaded or imported file, with limits: the kind is told by the file's first bytes (not by
 * its name or the type it was sent as), the size is read from its header before any pixel is decoded, and a large
 * picture is decoded at a fraction of its size (subsampling), so that no file, however crafted, costs more memory
 * than a picture of {@link #MAX_PIXELS}. The picture is then scaled to fit {@link #LARGEST_SIDE} and encoded anew.
 */
final class PhotoFile {

    static final int LARGEST_SIDE = 512;
    /** Beyond what any camera makes: a larger header belongs to a file made to exhaust memory. */
    static final long MAX_PIXELS = 100_000_000L;
    private static final float JPEG_QUALITY = 0.85f;

    private PhotoFile() {
    }

    static Photo read(byte[] file) {
        if (file.length == 0) {
            throw new InvalidPhoto("The file is empty.");
        }
        if (file.length > Photo.MAX_BYTES) {
            throw new InvalidPhoto("Use a photo of at most 1 MB.");
        }
        String format = formatOf(file);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName(format).next();
            try {
                reader.setInput(in, true, true);
                return scaled(decoded(reader));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof InvalidPhoto invalid) {
                throw invalid;
            }
            throw new InvalidPhoto("This photo could not be read. Use a JPEG or PNG file.");
        }
    }

    private static String formatOf(byte[] file) {
        if (file.length > 3 && (file[0] & 0xff) == 0xff && (file[1] & 0xff) == 0xd8 && (file[2] & 0xff) == 0xff) {
            return "jpeg";
        }
        if (file.length > 8 && (file[0] & 0xff) == 0x89 && file[1] == 'P' && file[2] == 'N' && file[3] == 'G') {
            return "png";
        }
        throw new InvalidPhoto("Use a JPEG or PNG file.");
    }

    private static BufferedImage decoded(ImageReader reader) throws IOException {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
            throw new InvalidPhoto("This photo is too large: use one of at most 100 megapixels.");
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int step = Math.max(1, Math.min(width, height) / (2 * LARGEST_SIDE));
        param.setSourceSubsampling(step, step, 0, 0);
        return reader.read(0, param);
    }

    private static Photo scaled(BufferedImage picture) {
        double factor = Math.min(1.0, (double) LARGEST_SIDE / Math.max(picture.getWidth(), picture.getHeight()));
        int width = Math.max(1, (int) Math.round(picture.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(picture.getHeight() * factor));
        boolean transparent = picture.getColorModel().hasAlpha();
        BufferedImage scaled = new BufferedImage(width, height,
                transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D canvas = scaled.createGraphics();
        try {
            canvas.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            canvas.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            canvas.drawImage(picture, 0, 0, width, height, null);
        } finally {
            canvas.dispose();
        }
        return transparent ? new Photo(Photo.PNG, png(scaled), width, height)
                : new Photo(Photo.JPEG, jpeg(scaled), width, height);
    }

    private static byte[] png(BufferedImage picture) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(picture, "png", out);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    private static byte[] jpeg(BufferedImage picture) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(picture, null, null), param);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
