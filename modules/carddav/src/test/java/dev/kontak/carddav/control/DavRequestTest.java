package dev.kontak.carddav.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

class DavRequestTest {

    @Test
    void aPropfindNamesThePropertiesAskedForInAnyPrefix() throws IOException {
        DavRequest propfind = read("<?xml version=\"1.0\"?><A:propfind xmlns:A=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:carddav\">"
                + "<A:prop><A:getetag/><C:addressbook-home-set/><X:other xmlns:X=\"urn:x\"/></A:prop></A:propfind>");

        assertEquals(List.of(Dav.GETETAG, Dav.ADDRESSBOOK_HOME_SET, new QName("urn:x", "other")), propfind.properties());
        assertFalse(propfind.allProperties());
        assertTrue(read("").allProperties(), "an empty body asks for all");
        assertTrue(read("<propfind xmlns=\"DAV:\"><allprop/></propfind>").allProperties());
    }

    @Test
    void aMultigetNamesItsHrefsAndTheAddressDataAsked() throws IOException {
        DavRequest multiget = read("<C:addressbook-multiget xmlns=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:carddav\">"
                + "<prop><getetag/><C:address-data><C:prop name=\"FN\"/></C:address-data></prop>"
                + "<href>/dav/addressbooks/contacts/a.vcf</href><href> /dav/addressbooks/contacts/b%20c.vcf </href>"
                + "</C:addressbook-multiget>");

        assertEquals(Dav.ADDRESSBOOK_MULTIGET, multiget.root());
        assertEquals(List.of(Dav.GETETAG, Dav.ADDRESS_DATA), multiget.properties());
        assertEquals(List.of("/dav/addressbooks/contacts/a.vcf", "/dav/addressbooks/contacts/b%20c.vcf"), multiget.hrefs());
    }

    @Test
    void noDtdNoEntityNoHugeOrDeepOrMalformedBodyIsRead() {
        String entity = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:displayname>&x;</d:displayname></d:prop></d:propfind>";
        assertEquals(400, refusal(entity).status());
        String billionLaughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                + "<propfind xmlns=\"DAV:\"><prop><displayname>&b;</displayname></prop></propfind>";
        assertEquals(400, refusal(billionLaughs).status());
        assertEquals(400, refusal("<propfind xmlns=\"DAV:\"><prop>").status());
        assertEquals(413, refusal("<a>".repeat(DavRequest.MAX_DEPTH + 1)).status());
        assertEquals(413, refusal("<propfind xmlns=\"DAV:\">" + " ".repeat(DavRequest.MAX_BYTES) + "</propfind>").status());
    }

    private static InvalidDavRequest refusal(String body) {
        return assertThrows(InvalidDavRequest.class, () -> read(body));
    }

    private static DavRequest read(String body) throws IOException {
        return DavRequest.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}
