package dev.kontak.contacts.entity;

import dev.kontak.kernel.columns.StorableText;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Objects;

/** One of a contact's web addresses (vCard URL), with its label. Only http and https: a page links to it. */
@Embeddable
public class WebAddress {

    @Size(max = Texts.LABEL_LENGTH, message = "Use at most 50 characters for a label.")
    @StorableText
    @Column(name = "label")
    private String label;

    @NotBlank(message = "Enter a web address.")
    @Pattern(regexp = "(?i)^https?://[^\\s<>\"]+$", message = "Enter a web address starting with http:// or https://.")
    @Size(max = 2000, message = "Use at most 2,000 characters.")
    @Column(name = "url", nullable = false)
    private String url;

    protected WebAddress() {
    }

    public WebAddress(String label, String url) {
        this.label = Texts.blankToNull(label);
        this.url = url == null ? null : url.strip();
    }

    public String label() {
        return label;
    }

    public String url() {
        return url;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebAddress that && Objects.equals(label, that.label) && Objects.equals(url, that.url);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, url);
    }

    @Override
    public String toString() {
        return (label == null ? "" : label + ": ") + url;
    }
}
