package dev.kontak.carddav.control;

import java.io.Writer;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A 207 Multi-Status body (RFC 4918, 13), written as it goes: a {@code response} per resource with a 200 propstat
 * for the properties it has and a 404 one for those asked for that it has not; a sync-collection's gone members as
 * 404 responses, and its new token. Every text is escaped by the XML writer.
 */
public final class Multistatus implements AutoCloseable {

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final XMLStreamWriter xml;

    /** A property's value, written inside its element. */
    public interface Value {
        void write(XMLStreamWriter xml) throws XMLStreamException;

        static Value text(String text) {
            return xml -> xml.writeCharacters(text);
        }

        static Value href(String href) {
            return xml -> element(xml, new QName(Dav.DAV, "href"), text(href));
        }

        /** Empty elements, such as a resourcetype's {@code collection}. */
        static Value elements(List<QName> names) {
            return xml -> {
                for (QName name : names) {
                    xml.writeEmptyElement(name.getNamespaceURI(), name.getLocalPart());
                }
            };
        }

        static Value reports(List<QName> reports) {
            return xml -> {
                for (QName report : reports) {
                    element(xml, new QName(Dav.DAV, "supported-report"), inner -> element(inner,
                            new QName(Dav.DAV, "report"), elements(List.of(report))));
                }
            };
        }
    }

    public Multistatus(Writer out) {
        try {
            xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setPrefix("d", Dav.DAV);
            xml.setPrefix("card", Dav.CARDDAV);
            xml.setPrefix("cs", Dav.CALENDARSERVER);
            xml.writeStartElement(Dav.DAV, "multistatus");
            xml.writeNamespace("d", Dav.DAV);
            xml.writeNamespace("card", Dav.CARDDAV);
            xml.writeNamespace("cs", Dav.CALENDARSERVER);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param missing the properties asked for that the resource has not */
    public void response(String href, Map<QName, Value> found, List<QName> missing) {
        try {
            xml.writeStartElement(Dav.DAV, "response");
            element(xml, new QName(Dav.DAV, "href"), Value.text(href));
            if (!found.isEmpty()) {
                propstat(found, "HTTP/1.1 200 OK", List.of());
            }
            if (!missing.isEmpty()) {
                propstat(Map.of(), "HTTP/1.1 404 Not Found", missing);
            }
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A member that is gone (a sync-collection's deletion). */
    public void gone(String href) {
        try {
            xml.writeStartElement(Dav.DAV, "response");
            element(xml, new QName(Dav.DAV, "href"), Value.text(href));
            element(xml, new QName(Dav.DAV, "status"), Value.text("HTTP/1.1 404 Not Found"));
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    public void syncToken(String token) {
        try {
            element(xml, Dav.SYNC_TOKEN, Value.text(token));
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private void propstat(Map<QName, Value> found, String status, List<QName> empty) throws XMLStreamException {
        xml.writeStartElement(Dav.DAV, "propstat");
        xml.writeStartElement(Dav.DAV, "prop");
        for (Map.Entry<QName, Value> property : found.entrySet()) {
            element(xml, property.getKey(), property.getValue());
        }
        for (QName name : empty) {
            String namespace = name.getNamespaceURI();
            if (namespace.isEmpty()) {
                xml.writeEmptyElement(name.getLocalPart());
            } else if (xml.getNamespaceContext().getPrefix(namespace) != null) {
                xml.writeEmptyElement(namespace, name.getLocalPart());
            } else {
                xml.writeEmptyElement("x", name.getLocalPart(), namespace);
                xml.writeNamespace("x", namespace);
            }
        }
        xml.writeEndElement();
        element(xml, new QName(Dav.DAV, "status"), Value.text(status));
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, QName name, Value value) throws XMLStreamException {
        xml.writeStartElement(name.getNamespaceURI(), name.getLocalPart());
        value.write(xml);
        xml.writeEndElement();
    }
}
