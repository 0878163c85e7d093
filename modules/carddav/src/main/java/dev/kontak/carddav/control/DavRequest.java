package dev.kontak.carddav.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The XML body of a PROPFIND or REPORT, read with limits: no DTD and no entities (so no external entity and no
 * entity expansion), at most {@link #MAX_BYTES} bytes, {@link #MAX_ELEMENTS} elements and {@link #MAX_DEPTH}
 * levels. What Kontak reads of it: the root element (which report), the properties asked for ({@code prop}), whether
 * all were ({@code allprop}), the hrefs of a multiget, the text a query matches, and a sync-collection's token.
 * An empty body is a PROPFIND for all properties (RFC 4918, 9.1).
 */
public record DavRequest(QName root, List<QName> properties, boolean allProperties, List<String> hrefs,
        List<TextMatch> matches, boolean anyMatch, Optional<String> syncToken) {

    public static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_ELEMENTS = 20_000;
    static final int MAX_DEPTH = 32;

    private static final XMLInputFactory XML = secure();

    /** A CARDDAV:text-match of an addressbook-query: the property it is in, and the text. */
    public record TextMatch(String property, String text, String matchType, boolean negate) {
    }

    public static DavRequest read(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new InvalidDavRequest(413, "The request body is larger than 1 MB.");
        }
        if (bytes.length == 0) {
            return new DavRequest(new QName(Dav.DAV, "propfind"), List.of(), true, List.of(), List.of(), true,
                    Optional.empty());
        }
        try {
            return parse(XML.createXMLStreamReader(new ByteArrayInputStream(bytes)));
        } catch (XMLStreamException malformed) {
            throw new InvalidDavRequest(400, "The request body is not well-formed XML.");
        }
    }

    private static DavRequest parse(XMLStreamReader xml) throws XMLStreamException {
        QName root = null;
        List<QName> properties = new ArrayList<>();
        List<String> hrefs = new ArrayList<>();
        List<TextMatch> matches = new ArrayList<>();
        List<QName> path = new ArrayList<>();
        boolean allProperties = false;
        boolean anyMatch = true;
        String syncToken = null;
        String property = null;
        int elements = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new InvalidDavRequest(400, "A request body may have no DTD and no entities.");
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                path.remove(path.size() - 1);
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (++elements > MAX_ELEMENTS || path.size() >= MAX_DEPTH) {
                throw new InvalidDavRequest(413, "The request body has too many elements.");
            }
            QName name = xml.getName();
            QName parent = path.isEmpty() ? null : path.get(path.size() - 1);
            path.add(name);
            if (root == null) {
                root = name;
                continue;
            }
            String local = name.getLocalPart();
            if (isDav(parent, "prop") && path.size() == 3) {
                properties.add(name);
            } else if (Dav.DAV.equals(name.getNamespaceURI()) && local.equals("allprop")) {
                allProperties = true;
            } else if (Dav.DAV.equals(name.getNamespaceURI()) && local.equals("href")) {
                hrefs.add(text(xml, path));
            } else if (Dav.DAV.equals(name.getNamespaceURI()) && local.equals("sync-token")) {
                syncToken = text(xml, path);
            } else if (Dav.CARDDAV.equals(name.getNamespaceURI()) && local.equals("filter")) {
                anyMatch = !"allof".equals(xml.getAttributeValue(null, "test"));
            } else if (Dav.CARDDAV.equals(name.getNamespaceURI()) && local.equals("prop-filter")) {
                property = xml.getAttributeValue(null, "name");
            } else if (Dav.CARDDAV.equals(name.getNamespaceURI()) && local.equals("text-match")) {
                String type = xml.getAttributeValue(null, "match-type");
                boolean negate = "yes".equals(xml.getAttributeValue(null, "negate-condition"));
                matches.add(new TextMatch(property, text(xml, path), type == null ? "contains" : type, negate));
            }
        }
        boolean propfind = root != null && isDav(root, "propfind");
        return new DavRequest(root, properties, allProperties || (propfind && properties.isEmpty()), hrefs, matches,
                anyMatch, Optional.ofNullable(syncToken));
    }

    /** The element's text, which ends the element (so it leaves the path). */
    private static String text(XMLStreamReader xml, List<QName> path) throws XMLStreamException {
        String text = xml.getElementText();
        path.remove(path.size() - 1);
        return text.strip();
    }

    private static boolean isDav(QName name, String local) {
        return name != null && Dav.DAV.equals(name.getNamespaceURI()) && name.getLocalPart().equals(local);
    }

    private static XMLInputFactory secure() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }
}
