package dev.kontak.imports.control;

import dev.kontak.imports.control.CsvColumns.Column;
import dev.kontak.imports.control.CsvColumns.Part;
import java.util.HashMap;
import java.util.Map;

/**
 * The headings Kontak recognises, squashed ({@link CsvColumns#squash}): those of Google Contacts' current and
 * legacy CSV, of Outlook's CSV, and the plain ones people type, in English and Indonesian.
 */
final class CsvHeadings {

    private CsvHeadings() {
    }

    /**
     * The part of Google's numbered column "{kind} {n} - {what}" ("Phone 2" alone is its value), null where the
     * heading is no such column after all ("E-mail 2 Address" is Outlook's).
     */
    static Part numbered(String kind, String squashedWhat) {
        String what = squashedWhat.isEmpty() ? "value" : squashedWhat;
        boolean label = what.equals("label") || what.equals("type");
        return switch (kind) {
            case "email" -> label ? Part.EMAIL_LABEL : what.equals("value") ? Part.EMAIL : null;
            case "phone" -> label ? Part.PHONE_LABEL : what.equals("value") ? Part.PHONE : null;
            case "website" -> label ? Part.URL_LABEL : what.equals("value") ? Part.URL : null;
            case "event" -> label ? Part.EVENT_LABEL : what.equals("value") ? Part.EVENT : null;
            case "address" -> label ? Part.ADDRESS_LABEL : switch (what) {
                case "formatted", "value" -> Part.ADDRESS;
                case "street" -> Part.ADDRESS_STREET;
                case "extendedaddress" -> Part.ADDRESS_EXTENDED;
                case "pobox" -> Part.ADDRESS_POBOX;
                case "city" -> Part.ADDRESS_CITY;
                case "region" -> Part.ADDRESS_REGION;
                case "postalcode" -> Part.ADDRESS_POSTCODE;
                case "country" -> Part.ADDRESS_COUNTRY;
                default -> null;
            };
            case "organization" -> switch (what) {
                case "name" -> Part.ORGANIZATION;
                case "title" -> Part.TITLE;
                case "department" -> Part.DEPARTMENT;
                default -> Part.IGNORE;
            };
            default -> Part.IGNORE; // relations, IMs, custom fields
        };
    }

    static Map<String, Column> all() {
        Map<String, Column> headings = new HashMap<>();
        put(headings, Part.NAME, "name", "fullname", "displayname", "contactname", "fileas", "nama", "namalengkap");
        put(headings, Part.GIVEN, "firstname", "givenname", "namadepan");
        put(headings, Part.ADDITIONAL, "middlename", "additionalname", "additionalnames", "namatengah");
        put(headings, Part.FAMILY, "lastname", "familyname", "surname", "namabelakang");
        put(headings, Part.PREFIX, "nameprefix", "prefix");
        put(headings, Part.SUFFIX, "namesuffix", "suffix");
        put(headings, Part.NICKNAME, "nickname", "namapanggilan");
        put(headings, Part.EMAIL, "email", "emailaddress", "mail", "surel", "alamatemail",
                "email2address", "email3address");
        put(headings, Part.PHONE, "phone", "phonenumber", "telephone", "tel", "telepon", "telp", "notelepon",
                "nomortelepon", "notelp");
        labelled(headings, Part.PHONE, "mobile", "mobile", "mobilephone", "mobilenumber", "cell", "cellphone",
                "handphone", "hp", "nohp", "ponsel", "nomorhp");
        labelled(headings, Part.PHONE, "work", "workphone", "businessphone", "businessphone2", "teleponkantor");
        labelled(headings, Part.PHONE, "home", "homephone", "homephone2", "teleponrumah");
        labelled(headings, Part.PHONE, "other", "otherphone");
        labelled(headings, Part.PHONE, "main", "companymainphone", "primaryphone");
        labelled(headings, Part.PHONE, "work fax", "businessfax");
        labelled(headings, Part.PHONE, "home fax", "homefax");
        labelled(headings, Part.PHONE, "fax", "otherfax", "fax");
        labelled(headings, Part.PHONE, "pager", "pager");
        labelled(headings, Part.PHONE, "car", "carphone");
        labelled(headings, Part.PHONE, "assistant", "assistantsphone");
        labelled(headings, Part.PHONE, "callback", "callback");
        labelled(headings, Part.PHONE, "isdn", "isdn");
        labelled(headings, Part.PHONE, "radio", "radiophone");
        labelled(headings, Part.PHONE, "textphone", "ttytddphone");
        labelled(headings, Part.PHONE, "telex", "telex");
        put(headings, Part.URL, "website", "webpage", "web", "url", "homepage", "situs", "situsweb");
        labelled(headings, Part.URL, "home", "personalwebpage");
        put(headings, Part.ORGANIZATION, "company", "organisation", "organization", "organizationname", "org",
                "perusahaan", "organisasi", "kantor");
        put(headings, Part.DEPARTMENT, "department", "organizationdepartment", "departemen", "divisi");
        put(headings, Part.TITLE, "title", "jobtitle", "organizationtitle", "position", "jabatan");
        put(headings, Part.BIRTHDAY, "birthday", "birthdate", "dateofbirth", "ulangtahun", "tanggallahir");
        put(headings, Part.ANNIVERSARY, "anniversary");
        put(headings, Part.LABELS, "labels", "label", "categories", "groupmembership", "groups", "tags", "kategori",
                "grup");
        put(headings, Part.NOTES, "notes", "note", "catatan", "keterangan");
        put(headings, Part.ADDRESS, "address", "alamat");
        put(headings, Part.ADDRESS_STREET, "street", "jalan");
        put(headings, Part.ADDRESS_CITY, "city", "kota");
        put(headings, Part.ADDRESS_REGION, "region", "state", "province", "provinsi");
        put(headings, Part.ADDRESS_POSTCODE, "postcode", "postalcode", "zip", "zipcode", "kodepos");
        put(headings, Part.ADDRESS_COUNTRY, "country", "negara");
        outlookAddress(headings, "business", "work", 1);
        outlookAddress(headings, "home", "home", 2);
        outlookAddress(headings, "other", "other", 3);
        return headings;
    }

    /** Outlook's "Business Street", "Business Street 2", …, "Business Country/Region", "Business Address PO Box". */
    private static void outlookAddress(Map<String, Column> headings, String kind, String label, int group) {
        Map<String, Part> parts = Map.of("street", Part.ADDRESS_STREET, "street2", Part.ADDRESS_STREET,
                "street3", Part.ADDRESS_STREET, "city", Part.ADDRESS_CITY, "state", Part.ADDRESS_REGION,
                "postalcode", Part.ADDRESS_POSTCODE, "countryregion", Part.ADDRESS_COUNTRY,
                "addresspobox", Part.ADDRESS_POBOX);
        parts.forEach((what, part) -> headings.put(kind + what, new Column(part, label, group)));
    }

    private static void put(Map<String, Column> headings, Part part, String... squashed) {
        for (String heading : squashed) {
            headings.put(heading, Column.of(part));
        }
    }

    private static void labelled(Map<String, Column> headings, Part part, String label, String... squashed) {
        for (String heading : squashed) {
            headings.put(heading, new Column(part, label, 0));
        }
    }
}
