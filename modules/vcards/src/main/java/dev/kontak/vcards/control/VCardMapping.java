package dev.kontak.vcards.control;

import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.contacts.entity.EmailAddress;
import dev.kontak.contacts.entity.InvalidPhoto;
import dev.kontak.contacts.entity.PartialDate;
import dev.kontak.contacts.entity.PhoneNumber;
import dev.kontak.contacts.entity.Photo;
import dev.kontak.contacts.entity.PostalAddress;
import dev.kontak.contacts.entity.StructuredName;
import dev.kontak.contacts.entity.WebAddress;
import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.parameter.AddressType;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.ImageType;
import ezvcard.parameter.TelephoneType;
import ezvcard.parameter.VCardParameter;
import ezvcard.property.Address;
import ezvcard.property.Anniversary;
import ezvcard.property.Birthday;
import ezvcard.property.Categories;
import ezvcard.property.DateOrTimeProperty;
import ezvcard.property.Email;
import ezvcard.property.FormattedName;
import ezvcard.property.Label;
import ezvcard.property.Nickname;
import ezvcard.property.Note;
import ezvcard.property.Organization;
import ezvcard.property.ProductId;
import ezvcard.property.RawProperty;
import ezvcard.property.Revision;
import ezvcard.property.Telephone;
import ezvcard.property.Title;
import ezvcard.property.Url;
import ezvcard.property.VCardProperty;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A contact's card as a vCard and back, for every version ez-vcard reads (2.1, 3.0, 4.0). A label is the property's
 * TYPE (mobile is CELL); TYPE values that say nothing a label would (PREF, VOICE, INTERNET, …) are not labels.
 * Favourite, which vCard has no property for, is {@code X-KONTAK-FAVOURITE}; an anniversary before vCard 4.0 is
 * {@code X-ANNIVERSARY}, and a birthday without its year (which vCard 3.0 cannot say) is written as Apple's
 * address books write it: year 1604 with {@code X-APPLE-OMIT-YEAR=1604}. A card without a display name is
 * named by its name's parts, else its organisation, first e-mail or first phone, as address books show such cards.
 */
public final class VCardMapping {

    /** RFC 6350's iana-token and x-name: what a property may be called. */
    private static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z0-9-]+");

    static final String FAVOURITE = "X-KONTAK-FAVOURITE";
    /** Where vCard 2.1 and 3.0, which have no ANNIVERSARY, keep it (Apple's and Evolution's choice). */
    static final String ANNIVERSARY = "X-ANNIVERSARY";
    private static final String APPLE_LABEL = "X-ABLabel";
    private static final String OMIT_YEAR = "X-APPLE-OMIT-YEAR";
    private static final int OMITTED_YEAR = 1604;
    private static final Set<String> NOT_LABELS = Set.of("pref", "voice", "internet", "x400", "msg", "text",
            "postal", "parcel", "dom", "intl", "x-internet");

    /** The properties Kontak has a field for, or writes anew each time. */
    private static final Set<Class<? extends VCardProperty>> MAPPED = Set.of(FormattedName.class,
            ezvcard.property.StructuredName.class, Nickname.class, Email.class, Telephone.class, Address.class,
            Url.class, Organization.class, Title.class, Birthday.class, Anniversary.class, Categories.class, Note.class,
            ProductId.class, Revision.class, Label.class);
    private static final Set<String> MAPPED_EXTENDED = Set.of(FAVOURITE, ANNIVERSARY);

    private VCardMapping() {
    }

    /** @param version what the card will be written as: properties it lacks are written as their X- forms */
    public static VCard toVCard(ContactDetails card, VCardVersion version) {
        VCard vcard = new VCard();
        vcard.setFormattedName(card.name());
        vcard.setStructuredName(structuredName(card.structuredName()));
        if (card.nickname() != null) {
            vcard.setNickname(card.nickname());
        }
        card.emails().forEach(email -> withLabel(vcard.addEmail(email.address()).getTypes(), email.label(),
                EmailType::get));
        card.phones().forEach(phone -> {
            Telephone telephone = new Telephone(phone.number());
            withLabel(telephone.getTypes(), "mobile".equals(phone.label()) ? "cell" : phone.label(), TelephoneType::get);
            vcard.addTelephoneNumber(telephone);
        });
        card.addresses().forEach(address -> vcard.addAddress(address(address)));
        card.urls().forEach(web -> vcard.addUrl(web.url()).setType(web.label()));
        if (card.organization() != null || card.department() != null) {
            Organization organization = new Organization();
            organization.getValues().add(card.organization() == null ? "" : card.organization());
            if (card.department() != null) {
                organization.getValues().add(card.department());
            }
            vcard.setOrganization(organization);
        }
        if (card.title() != null) {
            vcard.addTitle(card.title());
        }
        if (card.birthday() != null) {
            vcard.setBirthday(birthday(card.birthday(), version));
        }
        if (card.anniversary() != null && version == VCardVersion.V4_0) {
            vcard.setAnniversary(new Anniversary(partial(card.anniversary())));
        } else if (card.anniversary() != null) {
            vcard.addExtendedProperty(ANNIVERSARY, card.anniversary().toString());
        }
        if (!card.labels().isEmpty()) {
            vcard.setCategories(card.labels().toArray(String[]::new));
        }
        if (card.favourite()) {
            vcard.addExtendedProperty(FAVOURITE, "TRUE");
        }
        if (card.notes() != null) {
            vcard.addNote(card.notes());
        }
        if (card.photo() != null) {
            vcard.addPhoto(new ezvcard.property.Photo(card.photo().image(),
                    Photo.PNG.equals(card.photo().mediaType()) ? ImageType.PNG : ImageType.JPEG));
        }
        if (card.otherProperties() != null) {
            Ezvcard.parse(card.otherProperties()).first().getProperties().forEach(vcard::addProperty);
        }
        return vcard;
    }

    /** @throws InvalidPhoto for a card whose photo Kontak cannot keep (a photo given by its address is left out) */
    public static ContactDetails toDetails(VCard vcard) {
        StructuredName name = structuredName(vcard.getStructuredName());
        List<EmailAddress> emails = vcard.getEmails().stream().filter(email -> present(email.getValue()))
                .map(email -> new EmailAddress(appleLabel(vcard, email).orElse(label(email.getTypes())), email.getValue()))
                .toList();
        List<PhoneNumber> phones = vcard.getTelephoneNumbers().stream().filter(phone -> present(number(phone)))
                .map(phone -> new PhoneNumber(appleLabel(vcard, phone).orElse(phoneLabel(phone.getTypes())), number(phone)))
                .toList();
        List<String> organization = vcard.getOrganization() == null ? List.of() : vcard.getOrganization().getValues();
        String displayName = firstPresent(vcard.getFormattedName() == null ? null : vcard.getFormattedName().getValue(),
                name.spoken(), organization.isEmpty() ? null : organization.get(0),
                emails.isEmpty() ? null : emails.get(0).address(), phones.isEmpty() ? null : phones.get(0).number());
        return new ContactDetails(displayName, name,
                vcard.getNickname() == null ? null : String.join(", ", vcard.getNickname().getValues()), emails, phones,
                vcard.getAddresses().stream().map(VCardMapping::address).toList(),
                vcard.getUrls().stream().filter(url -> present(url.getValue()))
                        .map(url -> new WebAddress(appleLabel(vcard, url).orElse(webLabel(url.getType())), url.getValue()))
                        .toList(),
                organization.isEmpty() ? null : organization.get(0),
                organization.size() < 2 ? null : String.join(", ", organization.subList(1, organization.size())),
                vcard.getTitles().isEmpty() ? null : vcard.getTitles().get(0).getValue(), date(vcard.getBirthday()),
                anniversary(vcard), labels(vcard), isFavourite(vcard),
                vcard.getNotes().isEmpty() ? null : vcard.getNotes().stream().map(note -> note.getValue())
                        .filter(VCardMapping::present).collect(Collectors.joining("\n\n")),
                vcard.getPhotos().stream().filter(photo -> photo.getData() != null).findFirst()
                        .map(photo -> Photo.read(photo.getData())).orElse(null), otherProperties(vcard));
    }

    /**
     * The card's properties Kontak has no field for, as a vCard of only them in the card's version, or null: what
     * {@link #toVCard} adds back. Those it has a field for, and those written anew each time (PRODID, REV, the
     * address LABEL, Apple's X-ABLabel of a property mapped), are left out.
     */
    private static String otherProperties(VCard vcard) {
        Set<String> mappedGroups = new HashSet<>();
        VCard other = new VCard();
        for (VCardProperty property : vcard.getProperties()) {
            if (property instanceof RawProperty raw && !PROPERTY_NAME.matcher(raw.getPropertyName()).matches()) {
                continue; // a line without a valid name ("", "X-Ä") cannot be written back
            }
            if (isMapped(property)) {
                if (property.getGroup() != null) {
                    mappedGroups.add(property.getGroup().toLowerCase(Locale.ROOT));
                }
            } else {
                other.addProperty(property);
            }
        }
        other.getExtendedProperties(APPLE_LABEL).stream()
                .filter(label -> label.getGroup() != null && mappedGroups.contains(label.getGroup().toLowerCase(Locale.ROOT)))
                .toList().forEach(other::removeProperty);
        if (other.getProperties().isEmpty()) {
            return null;
        }
        VCardVersion version = vcard.getVersion() == null ? VCardVersion.V4_0 : vcard.getVersion();
        return Ezvcard.write(other).version(version).prodId(false).go();
    }

    private static boolean isMapped(VCardProperty property) {
        if (property instanceof RawProperty raw) {
            return MAPPED_EXTENDED.contains(raw.getPropertyName().toUpperCase(Locale.ROOT));
        }
        if (property instanceof ezvcard.property.Photo photo) {
            return photo.getData() != null;
        }
        return MAPPED.contains(property.getClass());
    }

    private static ezvcard.property.StructuredName structuredName(StructuredName name) {
        ezvcard.property.StructuredName n = new ezvcard.property.StructuredName();
        n.setFamily(name.family());
        n.setGiven(name.given());
        addIfPresent(n.getAdditionalNames(), name.additional());
        addIfPresent(n.getPrefixes(), name.prefix());
        addIfPresent(n.getSuffixes(), name.suffix());
        return n;
    }

    private static StructuredName structuredName(ezvcard.property.StructuredName n) {
        if (n == null) {
            return StructuredName.none();
        }
        return new StructuredName(String.join(" ", n.getPrefixes()), n.getGiven(),
                String.join(" ", n.getAdditionalNames()), n.getFamily(), String.join(" ", n.getSuffixes()));
    }

    private static Address address(PostalAddress address) {
        Address adr = new Address();
        adr.setPoBox(address.poBox());
        adr.setExtendedAddress(address.extended());
        adr.setStreetAddress(address.street());
        adr.setLocality(address.locality());
        adr.setRegion(address.region());
        adr.setPostalCode(address.postalCode());
        adr.setCountry(address.country());
        withLabel(adr.getTypes(), address.label(), AddressType::get);
        return adr;
    }

    private static PostalAddress address(Address adr) {
        return new PostalAddress(label(adr.getTypes()), String.join(", ", adr.getPoBoxes()),
                String.join(", ", adr.getExtendedAddresses()), String.join("\n", adr.getStreetAddresses()),
                String.join(", ", adr.getLocalities()), String.join(", ", adr.getRegions()),
                String.join(", ", adr.getPostalCodes()), String.join(", ", adr.getCountries()));
    }

    private static String number(Telephone phone) {
        return phone.getText() != null ? phone.getText() : phone.getUri() == null ? null : phone.getUri().getNumber();
    }

    /**
     * The label Apple's address books give a grouped property ({@code item1.EMAIL} with {@code item1.X-ABLabel}):
     * their own names ({@code _$!<Mobile>!$_}) lower-cased, the user's as typed.
     */
    private static Optional<String> appleLabel(VCard vcard, VCardProperty property) {
        if (property.getGroup() == null) {
            return Optional.empty();
        }
        return vcard.getExtendedProperties(APPLE_LABEL).stream()
                .filter(label -> property.getGroup().equalsIgnoreCase(label.getGroup()))
                .map(RawProperty::getValue).filter(VCardMapping::present).findFirst()
                .map(label -> label.startsWith("_$!<") && label.endsWith(">!$_")
                        ? lowerCase(label.substring(4, label.length() - 4)) : label.strip());
    }

    private static String webLabel(String type) {
        String label = lowerCase(type);
        return label == null || NOT_LABELS.contains(label) ? null : label;
    }

    private static String phoneLabel(Collection<TelephoneType> types) {
        return types.stream().anyMatch(type -> "cell".equalsIgnoreCase(type.getValue())) ? "mobile" : label(types);
    }

    /** The first TYPE that says what the value is for, lower-cased; none if there is none. */
    private static String label(Collection<? extends VCardParameter> types) {
        return types.stream().map(VCardParameter::getValue).filter(Objects::nonNull).map(VCardMapping::lowerCase)
                .filter(type -> !NOT_LABELS.contains(type)).findFirst().orElse(null);
    }

    private static <T> void withLabel(List<T> types, String label, Function<String, T> type) {
        if (label != null) {
            types.add(type.apply(label.toLowerCase(Locale.ROOT)));
        }
    }

    private static Birthday birthday(PartialDate date, VCardVersion version) {
        if (version == VCardVersion.V4_0) {
            return new Birthday(partial(date));
        }
        if (date.year() != null) {
            return new Birthday(date.day().atYear(date.year()));
        }
        Birthday yearless = new Birthday(date.day().atYear(OMITTED_YEAR));
        yearless.getParameters().put(OMIT_YEAR, String.valueOf(OMITTED_YEAR));
        return yearless;
    }

    private static ezvcard.util.PartialDate partial(PartialDate date) {
        return ezvcard.util.PartialDate.builder().year(date.year()).month(date.day().getMonthValue())
                .date(date.day().getDayOfMonth()).build();
    }

    /** A date, with or without its year; none for text ("circa 1800") or a date without month and day. */
    private static PartialDate date(DateOrTimeProperty property) {
        if (property == null) {
            return null;
        }
        if (property.getDate() != null) {
            TemporalAccessor date = property.getDate();
            LocalDate day = date.query(TemporalQueries.localDate());
            if (day == null) {
                return null;
            }
            boolean omitted = String.valueOf(day.getYear()).equals(property.getParameters().first(OMIT_YEAR));
            return new PartialDate(omitted ? null : day.getYear(), MonthDay.from(day));
        }
        if (property.getText() != null) {
            return dateOrNone(property.getText());
        }
        ezvcard.util.PartialDate partial = property.getPartialDate();
        if (partial == null || partial.getMonth() == null || partial.getDate() == null) {
            return null;
        }
        return new PartialDate(partial.getYear(), MonthDay.of(partial.getMonth(), partial.getDate()));
    }

    private static PartialDate anniversary(VCard vcard) {
        PartialDate standard = date(vcard.getAnniversary());
        if (standard != null) {
            return standard;
        }
        return vcard.getExtendedProperties(ANNIVERSARY).stream().map(x -> x.getValue()).filter(VCardMapping::present)
                .findFirst().map(VCardMapping::dateOrNone).orElse(null);
    }

    private static PartialDate dateOrNone(String text) {
        try {
            return PartialDate.parse(text);
        } catch (IllegalArgumentException notADate) {
            return null;
        }
    }

    private static TreeSet<String> labels(VCard vcard) {
        return vcard.getCategoriesList().stream().flatMap(categories -> categories.getValues().stream())
                .filter(VCardMapping::present).map(String::strip).collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean isFavourite(VCard vcard) {
        return vcard.getExtendedProperties(FAVOURITE).stream().anyMatch(x -> "true".equalsIgnoreCase(x.getValue()));
    }

    private static void addIfPresent(List<String> values, String value) {
        if (value != null) {
            values.add(value);
        }
    }

    private static String firstPresent(String... candidates) {
        return Stream.of(candidates).filter(VCardMapping::present).findFirst().orElse("");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String lowerCase(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
