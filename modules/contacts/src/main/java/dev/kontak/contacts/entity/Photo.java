package dev.kontak.contacts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Lob;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A contact's photo (vCard PHOTO) as Kontak keeps it: never the file that was sent, always the picture read from it
 * by {@link PhotoFile}, at most {@link PhotoFile#LARGEST_SIDE} pixels a side, as a JPEG (or a PNG where it is
 * transparent). Re-encoding also drops what the file carried besides the picture (camera, place).
 */
@Embeddable
public class Photo {

    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    /** The largest file a photo is read from. */
    public static final int MAX_BYTES = 1024 * 1024;

    @Column(name = "media_type", nullable = false)
    private String mediaType;

    @Lob
    @Column(name = "image", nullable = false)
    private byte[] image;

    @Column(name = "width", nullable = false)
    private int width;

    @Column(name = "height", nullable = false)
    private int height;

    protected Photo() {
    }

    Photo(String mediaType, byte[] image, int width, int height) {
        this.mediaType = Objects.requireNonNull(mediaType);
        this.image = image.clone();
        this.width = width;
        this.height = height;
    }

    /** The picture in a file: a JPEG or PNG of at most {@link #MAX_BYTES}. */
    public static Photo read(byte[] file) {
        return PhotoFile.read(file);
    }

    public String mediaType() {
        return mediaType;
    }

    public byte[] image() {
        return image.clone();
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** A tag that changes with the picture: an HTTP ETag, or what a merge page tells two photos apart by. */
    public String tag() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image), 0, 12);
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Photo that && mediaType.equals(that.mediaType) && Arrays.equals(image, that.image);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(image);
    }

    @Override
    public String toString() {
        return mediaType + " " + width + "×" + height;
    }
}
