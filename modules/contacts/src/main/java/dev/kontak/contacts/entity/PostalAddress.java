package dev.kontak.contacts.entity;

import dev.kontak.kernel.columns.StorableText;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Size;
import java.util.Objects;
import java.util.stream.Stream;

/** One of a contact's postal addresses (vCard ADR, every part kept), with its label. */
@Embeddable
public class PostalAddress {

    @Size(max = Texts.LABEL_LENGTH, message = "Use at most 50 characters for a label.")
    @StorableText
    @Column(name = "label")
    private String label;

    @Size(max = 100, message = "Use at most 100 characters.")
    @StorableText
    @Column(name = "po_box")
    private String poBox;

    @Size(max = 200, message = "Use at most 200 characters.")
    @StorableText
    @Column(name = "extended")
    private String extended;

    @Size(max = 500, message = "Use at most 500 characters.")
    @StorableText
    @Column(name = "street")
    private String street;

    @Size(max = 200, message = "Use at most 200 characters.")
    @StorableText
    @Column(name = "locality")
    private String locality;

    @Size(max = 200, message = "Use at most 200 characters.")
    @StorableText
    @Column(name = "region")
    private String region;

    @Size(max = 50, message = "Use at most 50 characters.")
    @StorableText
    @Column(name = "postal_code")
    private String postalCode;

    @Size(max = 100, message = "Use at most 100 characters.")
    @StorableText
    @Column(name = "country")
    private String country;

    protected PostalAddress() {
    }

    public PostalAddress(String label, String poBox, String extended, String street, String locality, String region,
            String postalCode, String country) {
        this.label = Texts.blankToNull(label);
        this.poBox = Texts.blankToNull(poBox);
        this.extended = Texts.blankToNull(extended);
        this.street = Texts.blankToNull(street);
        this.locality = Texts.blankToNull(locality);
        this.region = Texts.blankToNull(region);
        this.postalCode = Texts.blankToNull(postalCode);
        this.country = Texts.blankToNull(country);
    }

    /** An address with no part at all says nothing and is not kept. */
    public boolean isEmpty() {
        return Stream.of(poBox, extended, street, locality, region, postalCode, country).allMatch(Objects::isNull);
    }

    public String label() {
        return label;
    }

    public String poBox() {
        return poBox;
    }

    public String extended() {
        return extended;
    }

    public String street() {
        return street;
    }

    public String locality() {
        return locality;
    }

    public String region() {
        return region;
    }

    public String postalCode() {
        return postalCode;
    }

    public String country() {
        return country;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PostalAddress that && Objects.equals(label, that.label)
                && Objects.equals(poBox, that.poBox) && Objects.equals(extended, that.extended)
                && Objects.equals(street, that.street) && Objects.equals(locality, that.locality)
                && Objects.equals(region, that.region) && Objects.equals(postalCode, that.postalCode)
                && Objects.equals(country, that.country);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, poBox, extended, street, locality, region, postalCode, country);
    }
}
