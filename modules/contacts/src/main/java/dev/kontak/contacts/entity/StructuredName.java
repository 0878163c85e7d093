package dev.kontak.contacts.entity;

import dev.kontak.kernel.columns.StorableText;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Size;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The parts of a contact's name (vCard N): prefix, given, additional, family, suffix; each optional. */
@Embeddable
public class StructuredName {

    @Size(max = 100, message = "Use at most 100 characters.")
    @StorableText
    @Column(name = "name_prefix")
    private String prefix;

    @Size(max = 200, message = "Use at most 200 characters.")
    @StorableText
    @Column(name = "given_name")
    private String given;

    @Size(max = 200, message = "Use at most 200 characters.")
    @StorableText
    @Column(name = "additional_names")
    private String additional;

    @Size(max = 200, message = "Use at most 200 characters.")
    @StorableText
    @Column(name = "family_name")
    private String family;

    @Size(max = 100, message = "Use at most 100 characters.")
    @StorableText
    @Column(name = "name_suffix")
    private String suffix;

    protected StructuredName() {
    }

    public StructuredName(String prefix, String given, String additional, String family, String suffix) {
        this.prefix = Texts.blankToNull(prefix);
        this.given = Texts.blankToNull(given);
        this.additional = Texts.blankToNull(additional);
        this.family = Texts.blankToNull(family);
        this.suffix = Texts.blankToNull(suffix);
    }

    public static StructuredName none() {
        return new StructuredName(null, null, null, null, null);
    }

    /** The parts in reading order, as a display name where none was given ("Dr. Ada King Lovelace"). */
    public String spoken() {
        return Stream.of(prefix, given, additional, family, suffix).filter(Objects::nonNull)
                .collect(Collectors.joining(" "));
    }

    public String prefix() {
        return prefix;
    }

    public String given() {
        return given;
    }

    public String additional() {
        return additional;
    }

    public String family() {
        return family;
    }

    public String suffix() {
        return suffix;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StructuredName that && Objects.equals(prefix, that.prefix)
                && Objects.equals(given, that.given) && Objects.equals(additional, that.additional)
                && Objects.equals(family, that.family) && Objects.equals(suffix, that.suffix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(prefix, given, additional, family, suffix);
    }
}
