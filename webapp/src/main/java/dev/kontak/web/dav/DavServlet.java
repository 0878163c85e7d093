package dev.kontak.web.dav;

import dev.kontak.carddav.boundary.AddressBook;
import dev.kontak.carddav.boundary.CardTag;
import dev.kontak.carddav.boundary.InvalidSyncToken;
import dev.kontak.carddav.boundary.Precondition;
import dev.kontak.carddav.boundary.PreconditionFailed;
import dev.kontak.carddav.control.CardQuery;
import dev.kontak.carddav.control.Dav;
import dev.kontak.carddav.control.DavCards;
import dev.kontak.carddav.control.DavRequest;
import dev.kontak.carddav.control.InvalidDavRequest;
import dev.kontak.carddav.control.Multistatus;
import dev.kontak.carddav.control.Multistatus.Value;
import dev.kontak.contacts.boundary.ContactAccessDenied;
import dev.kontak.contacts.boundary.ContactRefused;
import dev.kontak.contacts.entity.Contact;
import dev.kontak.contacts.entity.Photo;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * CardDAV (RFC 6352) at {@code /dav/}, found through {@code /.well-known/carddav} (RFC 6764): OPTIONS, PROPFIND of
 * depth 0 and 1, REPORT addressbook-multiget, addressbook-query and sync-collection (RFC 6578), GET, PUT and DELETE of cards, each as the RFCs answer, with HTTP Basic
 * (an app password, or the account's) and neither cookies nor CSRF tokens. A refusal answers 403 with the reason
 * and writes nothing but the audit; a write over a changed card, 412.
 */
@WebServlet({"/dav/*", "/.well-known/carddav"})
public class DavServlet extends HttpServlet {

    static final String ALLOW = "OPTIONS, GET, HEAD, PUT, DELETE, PROPFIND, REPORT";
    /** A card with a photo of at most 1 MB, base64 in the vCard. */
    static final int MAX_CARD_BYTES = Photo.MAX_BYTES * 3 / 2 + 64 * 1024;

    @Inject
    AddressBook book;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + Optional.ofNullable(request.getPathInfo()).orElse("");
        if (path.equals("/.well-known/carddav")) {
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", request.getContextPath() + DavResources.ROOT);
            return;
        }
        try {
            switch (request.getMethod()) {
                case "OPTIONS" -> options(response);
                case "PROPFIND" -> propfind(request, response, path);
                case "REPORT" -> report(request, response, path);
                case "GET", "HEAD" -> get(request, response, path);
                case "PUT" -> put(request, response, path);
                case "DELETE" -> delete(request, response, path);
                default -> {
                    response.setHeader("Allow", ALLOW);
                    answer(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                            request.getMethod() + " is not supported here.");
                }
            }
        } catch (InvalidDavRequest invalid) {
            answer(response, invalid.status(), invalid.getMessage());
        } catch (PreconditionFailed failed) {
            answer(response, HttpServletResponse.SC_PRECONDITION_FAILED, failed.getMessage());
        } catch (ContactAccessDenied | ContactRefused refused) {
            answer(response, HttpServletResponse.SC_FORBIDDEN, refused.getMessage());
        } catch (ConstraintViolationException invalid) {
            answer(response, HttpServletResponse.SC_BAD_REQUEST,
                    invalid.getConstraintViolations().iterator().next().getMessage());
        }
    }

    private static void options(HttpServletResponse response) {
        response.setHeader("DAV", "1, 3, addressbook");
        response.setHeader("Allow", ALLOW);
        response.setStatus(HttpServletResponse.SC_OK);
    }

    private void propfind(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        DavRequest asked = DavRequest.read(request.getInputStream());
        if ("infinity".equalsIgnoreCase(request.getHeader("Depth"))) {
            error(response, HttpServletResponse.SC_FORBIDDEN, "propfind-finite-depth");
            return;
        }
        boolean members = !"0".equals(request.getHeader("Depth"));
        DavResources tree = new DavResources(request.getContextPath());
        Map<String, Map<QName, Value>> found = new LinkedHashMap<>();
        switch (path) {
            case "/dav", DavResources.ROOT -> {
                found.put(tree.href(DavResources.ROOT), tree.root());
                if (members) {
                    found.put(tree.href(DavResources.PRINCIPAL), tree.principal());
                    found.put(tree.href(DavResources.HOME), tree.home());
                }
            }
            case DavResources.PRINCIPAL -> found.put(tree.href(DavResources.PRINCIPAL), tree.principal());
            case DavResources.HOME -> {
                found.put(tree.href(DavResources.HOME), tree.home());
                if (members) {
                    found.put(tree.href(DavResources.BOOK), tree.book(book.version()));
                }
            }
            case DavResources.BOOK -> {
                found.put(tree.href(DavResources.BOOK), tree.book(book.version()));
                if (members) {
                    book.tags().forEach(card -> found.put(cardHref(tree, card.name()), tree.card(card)));
                }
            }
            default -> {
                Optional<Contact> card = cardName(path).flatMap(book::card);
                if (card.isEmpty()) {
                    answer(response, HttpServletResponse.SC_NOT_FOUND, "There is nothing at " + path + ".");
                    return;
                }
                CardTag tag = new CardTag(cardName(path).get(), card.get().version());
                found.put(cardHref(tree, tag.name()), tree.card(tag));
            }
        }
        try (Multistatus answer = multistatus(response)) {
            found.forEach((href, properties) -> respond(answer, href, properties, asked));
        }
    }

    private void report(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        DavRequest asked = DavRequest.read(request.getInputStream());
        boolean onBook = path.equals(DavResources.BOOK);
        if (onBook && Dav.SYNC_COLLECTION.equals(asked.root())) {
            sync(request, response, asked);
            return;
        }
        if (onBook && Dav.ADDRESSBOOK_QUERY.equals(asked.root())) {
            listed(request, response, asked, book.matching(new CardQuery(asked.matches(), asked.anyMatch())),
                    List.of(), null);
            return;
        }
        if (!onBook || !Dav.ADDRESSBOOK_MULTIGET.equals(asked.root())) {
            error(response, HttpServletResponse.SC_FORBIDDEN, "supported-report");
            return;
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (String href : asked.hrefs()) {
            names.put(href, hrefPath(href).flatMap(DavServlet::cardName).orElse(""));
        }
        cards(request, response, asked, names, List.of(), null);
    }

    /** RFC 6578: what changed since the token, the gone as 404 responses, and the new token. */
    private void sync(HttpServletRequest request, HttpServletResponse response, DavRequest asked) throws IOException {
        AddressBook.Changes changes;
        try {
            changes = book.changesSince(asked.syncToken());
        } catch (InvalidSyncToken invalid) {
            error(response, HttpServletResponse.SC_FORBIDDEN, "valid-sync-token");
            return;
        }
        listed(request, response, asked, changes.changed(), changes.gone(), changes.token().toString());
    }

    /** Cards a report found, those gone as 404s, and the token where there is one; a card is read only for its data. */
    private void listed(HttpServletRequest request, HttpServletResponse response, DavRequest asked, List<CardTag> found,
            List<String> goneNames, String token) throws IOException {
        DavResources tree = new DavResources(request.getContextPath());
        List<String> gone = goneNames.stream().map(name -> cardHref(tree, name)).toList();
        if (asked.properties().contains(Dav.ADDRESS_DATA)) {
            Map<String, String> names = new LinkedHashMap<>();
            found.forEach(card -> names.put(cardHref(tree, card.name()), card.name()));
            cards(request, response, asked, names, gone, token);
            return;
        }
        try (Multistatus answer = multistatus(response)) {
            found.forEach(card -> respond(answer, cardHref(tree, card.name()), tree.card(card), asked));
            gone.forEach(answer::gone);
            if (token != null) {
                answer.syncToken(token);
            }
        }
    }

    /**
     * A multistatus of cards: each href's properties asked for (its vCard, where address-data is, read a thousand at
     * a time), a 404 for those that are not the user's or are gone, and a sync token where there is one.
     */
    private void cards(HttpServletRequest request, HttpServletResponse response, DavRequest asked,
            Map<String, String> names, List<String> gone, String token) throws IOException {
        DavResources tree = new DavResources(request.getContextPath());
        Map<String, Contact> cards = new HashMap<>();
        List<String> wanted = List.copyOf(names.values());
        for (int from = 0; from < wanted.size(); from += 1000) {
            book.cards(wanted.subList(from, Math.min(wanted.size(), from + 1000)))
                    .forEach(card -> cards.put(card.davName(), card));
        }
        var version = DavCards.versionFor(request.getHeader("Accept"));
        try (Multistatus answer = multistatus(response)) {
            names.forEach((href, name) -> {
                Contact card = cards.get(name);
                if (card == null) {
                    answer.gone(href);
                    return;
                }
                Map<QName, Value> properties = tree.card(new CardTag(name, card.version()));
                properties.put(Dav.ADDRESS_DATA, Value.text(DavCards.text(card, version)));
                respond(answer, href, properties, asked);
            });
            gone.forEach(answer::gone);
            if (token != null) {
                answer.syncToken(token);
            }
        }
    }

    /** An error with the precondition that failed (RFC 4918, 16), such as {@code DAV:valid-sync-token}. */
    private static void error(HttpServletResponse response, int status, String precondition) throws IOException {
        response.setStatus(status);
        response.setContentType("application/xml; charset=utf-8");
        response.getWriter().write("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<d:error xmlns:d=\"DAV:\"><d:" + precondition + "/></d:error>");
    }

    private void get(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        Optional<Contact> card = cardName(path).flatMap(book::card);
        if (card.isEmpty()) {
            answer(response, HttpServletResponse.SC_NOT_FOUND, "There is no card at " + path + ".");
            return;
        }
        String etag = new CardTag(card.get().davName(), card.get().version()).etag();
        response.setHeader("ETag", etag);
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] text = DavCards.text(card.get(), DavCards.versionFor(request.getHeader("Accept")))
                .getBytes(StandardCharsets.UTF_8);
        response.setContentType(DavCards.MEDIA_TYPE);
        response.setContentLength(text.length);
        response.getOutputStream().write(text);
    }

    private void put(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        String name = cardName(path).orElseThrow(() -> new InvalidDavRequest(405, "Only cards are written here."));
        String type = Optional.ofNullable(request.getContentType()).orElse("").toLowerCase(Locale.ROOT);
        if (!type.startsWith("text/vcard") && !type.startsWith("text/x-vcard") && !type.startsWith("text/directory")) {
            throw new InvalidDavRequest(415, "Send a card as text/vcard.");
        }
        byte[] body = request.getInputStream().readNBytes(MAX_CARD_BYTES + 1);
        if (body.length > MAX_CARD_BYTES) {
            throw new InvalidDavRequest(413, "A card is at most 1.5 MB.");
        }
        AddressBook.Written written = book.put(name, DavCards.details(new String(body, StandardCharsets.UTF_8)),
                Precondition.of(request.getHeader("If-Match"), request.getHeader("If-None-Match")));
        // no ETag: Kontak stores the card, not the bytes sent (RFC 6352, 6.3.2.3), so a client reads it back
        response.setStatus(written.created() ? HttpServletResponse.SC_CREATED : HttpServletResponse.SC_NO_CONTENT);
    }

    private void delete(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        String name = cardName(path).orElseThrow(() -> new InvalidDavRequest(405, "Only cards are deleted here."));
        if (!book.delete(name, Precondition.of(request.getHeader("If-Match"), null))) {
            answer(response, HttpServletResponse.SC_NOT_FOUND, "There is no card at " + path + ".");
            return;
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /** The properties asked for that the resource has, and a 404 for those it has not. */
    private static void respond(Multistatus answer, String href, Map<QName, Value> properties, DavRequest asked) {
        if (asked.allProperties()) {
            answer.response(href, properties, List.of());
            return;
        }
        Map<QName, Value> found = new LinkedHashMap<>();
        List<QName> missing = new ArrayList<>();
        for (QName name : asked.properties()) {
            if (properties.containsKey(name)) {
                found.put(name, properties.get(name));
            } else {
                missing.add(name);
            }
        }
        answer.response(href, found, missing);
    }

    private static Multistatus multistatus(HttpServletResponse response) throws IOException {
        response.setStatus(207);
        response.setContentType("application/xml; charset=utf-8");
        return new Multistatus(response.getWriter());
    }

    /** The card a path names: what follows the address book's path, with no further slash. */
    private static Optional<String> cardName(String path) {
        if (!path.startsWith(DavResources.BOOK)) {
            return Optional.empty();
        }
        String name = path.substring(DavResources.BOOK.length());
        return name.isEmpty() || name.contains("/") ? Optional.empty() : Optional.of(name);
    }

    /** An href's path, decoded, below the context path; an href may be a whole URL. */
    private Optional<String> hrefPath(String href) {
        try {
            String path = URI.create(href.strip()).getPath();
            String context = getServletContext().getContextPath();
            return path == null || !path.startsWith(context) ? Optional.empty()
                    : Optional.of(path.substring(context.length()));
        } catch (IllegalArgumentException notAnHref) {
            return Optional.empty();
        }
    }

    private static String cardHref(DavResources tree, String name) {
        return tree.href(DavResources.BOOK) + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void answer(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.getWriter().write(message);
    }
}
