package dev.kontak.contacts.entity;

import dev.kontak.kernel.UserId;
import dev.kontak.kernel.columns.NullableUuidColumn;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A person or company someone keeps in Kontak. Besides what users type, the row keeps its activities' count,
 * latest time and checksum terms, so that access to it can be granted or revoked in O(1).
 */
@Entity
@Table(name = "contacts")
public class Contact {

    /**
     * JPQL condition, on alias {@code c} and parameter {@code :user}: the contacts a user can access, owned or
     * shared with a team they belong to. The recompute's definition of access; lists read the same rule as one
     * index range per part (owned, and shared with each team: ContactListing.scopesOf), and the row level
     * security policy accessible_contacts states it in SQL.
     */
    public static final String ACCESSIBLE_BY_USER = "(c.ownerId = :user OR c.teamId IN "
            + "(SELECT m.teamId FROM TeamMember m WHERE m.userId = :user))";

    @Id
    private UUID id;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private UUID ownerId;

    @Convert(converter = NullableUuidColumn.class)
    @Column(name = "team_id")
    private UUID teamId;

    @Column(nullable = false)
    private String name;

    @Embedded
    private StructuredName structuredName = StructuredName.none();

    private String nickname;

    /** The first e-mail address and phone number and the organisation, kept on the row for lists and searches. */
    private String email;
    private String phone;
    private String company;

    private String department;

    /** Every e-mail address lower-cased and every phone's digits, joined by U+0001: what search looks in. */
    @Column(name = "emails_text")
    private String emailsText;

    @Column(name = "phones_digits")
    private String phonesDigits;

    @Column(name = "job_title")
    private String title;

    @Convert(converter = PartialDateColumn.class)
    private PartialDate birthday;

    @Convert(converter = PartialDateColumn.class)
    private PartialDate anniversary;

    private boolean favourite;

    private String notes;

    @Column(name = "other_properties")
    private String otherProperties;

    /** The resource name a CardDAV client chose when it created the contact (kontak-carddav writes it), or null. */
    @Column(name = "dav_name", insertable = false, updatable = false)
    private String davName;

    // Lazy, and read only inside the transaction that loads the contact (ContactBook): read later, outside it, row
    // level security would show them empty.
    @ElementCollection
    @CollectionTable(name = "contact_emails", joinColumns = @JoinColumn(name = "contact_id"))
    @OrderColumn(name = "ordinal")
    private List<EmailAddress> emails = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "contact_phones", joinColumns = @JoinColumn(name = "contact_id"))
    @OrderColumn(name = "ordinal")
    private List<PhoneNumber> phones = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "contact_addresses", joinColumns = @JoinColumn(name = "contact_id"))
    @OrderColumn(name = "ordinal")
    private List<PostalAddress> addresses = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "contact_urls", joinColumns = @JoinColumn(name = "contact_id"))
    @OrderColumn(name = "ordinal")
    private List<WebAddress> urls = new ArrayList<>();

    /** None or one: a collection, so that the picture is read only where the card is. */
    @ElementCollection
    @CollectionTable(name = "contact_photos", joinColumns = @JoinColumn(name = "contact_id"))
    private List<Photo> photo = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "contact_labels", joinColumns = @JoinColumn(name = "contact_id"))
    @Column(name = "label")
    private Set<String> labels = new HashSet<>();

    @Column(name = "activity_count", nullable = false)
    private int activityCount;

    @Column(name = "last_activity_at")
    private Instant lastActivityAt;

    @Column(name = "activities_digest", nullable = false)
    private long activitiesDigest;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    /** lower(name), computed by the database (a generated column): the name order of lists and searches. */
    @Column(name = "sort_name", insertable = false, updatable = false)
    private String sortName;

    protected Contact() {
    }

    public Contact(UUID ownerId, ContactDetails details, Instant now) {
        this.id = UUID.randomUUID();
        this.ownerId = Objects.requireNonNull(ownerId);
        this.createdAt = now;
        change(details, now);
    }

    /**
     * A new contact whose card's lists (e-mails, phones, addresses, web addresses, labels, photo) are left to be
     * written with many others' at once ({@code CardRows}): this object does not hold them, so it is only for
     * writing, not for reading the card back.
     */
    public static Contact withoutLists(UUID ownerId, ContactDetails details, Instant now) {
        Contact contact = new Contact(ownerId, details, now);
        List.of(contact.emails, contact.phones, contact.addresses, contact.urls, contact.photo).forEach(List::clear);
        contact.labels.clear();
        return contact;
    }

    public void change(ContactDetails details, Instant now) {
        this.name = details.name();
        this.structuredName = details.structuredName();
        this.nickname = details.nickname();
        this.email = details.email();
        this.phone = details.phone();
        this.company = details.organization();
        this.department = details.department();
        this.title = details.title();
        this.birthday = details.birthday();
        this.anniversary = details.anniversary();
        this.favourite = details.favourite();
        this.notes = details.notes();
        this.otherProperties = details.otherProperties();
        this.emailsText = searched(details.emails().stream().map(email -> email.address().toLowerCase(Locale.ROOT)));
        this.phonesDigits = searched(details.phones().stream().map(phone -> phone.number().replaceAll("[^0-9]+", "")));
        replace(emails, details.emails());
        replace(phones, details.phones());
        replace(addresses, details.addresses());
        replace(urls, details.urls());
        replace(photo, details.photo() == null ? List.of() : List.of(details.photo()));
        if (!labels.equals(details.labels())) {
            labels.clear();
            labels.addAll(details.labels());
        }
        this.updatedAt = now;
    }

    /** Everything the user keeps about this contact; reads its lists, so call it inside the loading transaction. */
    public ContactDetails details() {
        return new ContactDetails(name, structuredName, nickname, emails, phones, addresses, urls, company, department,
                title, birthday, anniversary, new TreeSet<>(labels), favourite, notes, photo.isEmpty() ? null : photo.get(0),
                otherProperties);
    }

    private static String searched(Stream<String> values) {
        String joined = values.collect(Collectors.joining("\u0001"));
        return joined.isEmpty() ? null : joined;
    }

    /** Only what changed is written: an unchanged list costs no statement. */
    private static <T> void replace(List<T> kept, List<T> wanted) {
        if (!kept.equals(wanted)) {
            kept.clear();
            kept.addAll(wanted);
        }
    }

    public void shareWith(UUID team, Instant now) {
        this.teamId = team;
        this.updatedAt = now;
    }

    public void activityAdded(Activity activity) {
        activityCount++;
        activitiesDigest += activity.checksumTerm();
        if (lastActivityAt == null || activity.occurredAt().isAfter(lastActivityAt)) {
            lastActivityAt = activity.occurredAt();
        }
    }

    public void activityRemoved(Activity activity, Instant latestRemaining) {
        activityCount--;
        activitiesDigest -= activity.checksumTerm();
        lastActivityAt = latestRemaining;
    }

    public void activityChanged(long termBefore, Activity activity, Instant latest) {
        activitiesDigest += activity.checksumTerm() - termBefore;
        lastActivityAt = latest;
    }

    /** The activities of a contact merged into this one are this one's now (they were moved in the database). */
    public void activitiesMovedFrom(Contact merged) {
        activityCount += merged.activityCount;
        activitiesDigest += merged.activitiesDigest;
        if (merged.lastActivityAt != null && (lastActivityAt == null || merged.lastActivityAt.isAfter(lastActivityAt))) {
            lastActivityAt = merged.lastActivityAt;
        }
    }

    /** What this contact adds to the data checksum of everyone who can access it. */
    public long checksumContribution() {
        return Checksums.contactTerm(id, version) + activitiesDigest;
    }

    public ContactState state() {
        return new ContactState(id, ownerId, teamId, version, activityCount, lastActivityAt, checksumContribution());
    }

    public boolean isOwnedBy(UserId user) {
        return ownerId.equals(user.value());
    }

    public UUID id() {
        return id;
    }

    /** Where a CardDAV client finds this contact: the name it chose, else the id. */
    public String davName() {
        return davName(id, davName);
    }

    /** Where a CardDAV client finds the contact of this id and chosen name (null for none). */
    public static String davName(UUID id, String chosen) {
        return chosen != null ? chosen : id + ".vcf";
    }

    public UUID ownerId() {
        return ownerId;
    }

    public UUID teamId() {
        return teamId;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    /** The organisation (vCard ORG), kept in the column {@code company}. */
    public String company() {
        return company;
    }

    public boolean favourite() {
        return favourite;
    }

    public String notes() {
        return notes;
    }

    public int activityCount() {
        return activityCount;
    }

    public Instant lastActivityAt() {
        return lastActivityAt;
    }

    /** The sum of its activities' checksum terms, as the row keeps it. */
    public long activitiesDigest() {
        return activitiesDigest;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    /** As the database computed it when this contact was read; null on a contact created in this transaction. */
    public String sortName() {
        return sortName;
    }
}
