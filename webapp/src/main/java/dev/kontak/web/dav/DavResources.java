package dev.kontak.web.dav;

import dev.kontak.carddav.boundary.CardTag;
import dev.kontak.carddav.boundary.SyncToken;
import dev.kontak.carddav.control.Dav;
import dev.kontak.carddav.control.DavCards;
import dev.kontak.carddav.control.Multistatus.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.namespace.QName;

/**
 * The resources of Kontak's CardDAV tree and the properties each has (RFC 4918, 6352, 6764): the root, which names
 * the signed-in user's principal; the principal, which names the address book home; the home, which holds the one
 * address book; the address book; and its cards. Paths are below the application's context path.
 */
final class DavResources {

    static final String ROOT = "/dav/";
    static final String PRINCIPAL = ROOT + "principal/";
    static final String HOME = ROOT + "addressbooks/";
    static final String BOOK = HOME + "contacts/";

    /** The reports the address book answers. */
    static final List<QName> REPORTS = List.of(Dav.ADDRESSBOOK_MULTIGET, Dav.ADDRESSBOOK_QUERY, Dav.SYNC_COLLECTION);

    private final String context;

    DavResources(String context) {
        this.context = context;
    }

    String href(String path) {
        return context + path;
    }

    Map<QName, Value> root() {
        Map<QName, Value> properties = collection(List.of());
        properties.put(Dav.DISPLAYNAME, Value.text("Kontak"));
        return properties;
    }

    Map<QName, Value> principal() {
        Map<QName, Value> properties = collection(List.of(new QName(Dav.DAV, "principal")));
        properties.put(Dav.PRINCIPAL_URL, Value.href(href(PRINCIPAL)));
        properties.put(Dav.ADDRESSBOOK_HOME_SET, Value.href(href(HOME)));
        return properties;
    }

    Map<QName, Value> home() {
        return collection(List.of());
    }

    /** @param version the user's cache_version, which changes whenever the book does */
    Map<QName, Value> book(long version) {
        Map<QName, Value> properties = collection(List.of(new QName(Dav.CARDDAV, "addressbook")));
        properties.put(Dav.DISPLAYNAME, Value.text("Kontak"));
        properties.put(Dav.GETCTAG, Value.text(Long.toString(version)));
        properties.put(Dav.SYNC_TOKEN, Value.text(new SyncToken(version).toString()));
        properties.put(Dav.SUPPORTED_REPORT_SET, Value.reports(REPORTS));
        return properties;
    }

    Map<QName, Value> card(CardTag card) {
        Map<QName, Value> properties = new LinkedHashMap<>();
        properties.put(Dav.RESOURCETYPE, Value.elements(List.of()));
        properties.put(Dav.GETETAG, Value.text(card.etag()));
        properties.put(Dav.GETCONTENTTYPE, Value.text(DavCards.MEDIA_TYPE));
        properties.put(Dav.CURRENT_USER_PRINCIPAL, Value.href(href(PRINCIPAL)));
        return properties;
    }

    private Map<QName, Value> collection(List<QName> types) {
        Map<QName, Value> properties = new LinkedHashMap<>();
        properties.put(Dav.RESOURCETYPE, Value.elements(concat(new QName(Dav.DAV, "collection"), types)));
        properties.put(Dav.CURRENT_USER_PRINCIPAL, Value.href(href(PRINCIPAL)));
        return properties;
    }

    private static List<QName> concat(QName first, List<QName> rest) {
        return Stream.concat(Stream.of(first), rest.stream()).toList();
    }
}
