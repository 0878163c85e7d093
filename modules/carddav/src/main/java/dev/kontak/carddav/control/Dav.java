package dev.kontak.carddav.control;

import javax.xml.namespace.QName;

/** The XML namespaces and names of WebDAV (RFC 4918), CardDAV (RFC 6352) and the ctag of Apple's CalendarServer. */
public final class Dav {

    public static final String DAV = "DAV:";
    public static final String CARDDAV = "urn:ietf:params:xml:ns:carddav";
    public static final String CALENDARSERVER = "http://calendarserver.org/ns/";

    public static final QName RESOURCETYPE = new QName(DAV, "resourcetype");
    public static final QName DISPLAYNAME = new QName(DAV, "displayname");
    public static final QName GETETAG = new QName(DAV, "getetag");
    public static final QName GETCONTENTTYPE = new QName(DAV, "getcontenttype");
    public static final QName CURRENT_USER_PRINCIPAL = new QName(DAV, "current-user-principal");
    public static final QName PRINCIPAL_URL = new QName(DAV, "principal-URL");
    public static final QName SUPPORTED_REPORT_SET = new QName(DAV, "supported-report-set");
    public static final QName SYNC_TOKEN = new QName(DAV, "sync-token");
    public static final QName ADDRESSBOOK_HOME_SET = new QName(CARDDAV, "addressbook-home-set");
    public static final QName ADDRESS_DATA = new QName(CARDDAV, "address-data");
    public static final QName GETCTAG = new QName(CALENDARSERVER, "getctag");

    public static final QName ADDRESSBOOK_MULTIGET = new QName(CARDDAV, "addressbook-multiget");
    public static final QName ADDRESSBOOK_QUERY = new QName(CARDDAV, "addressbook-query");
    public static final QName SYNC_COLLECTION = new QName(DAV, "sync-collection");

    private Dav() {
    }
}
