package dev.kontak.imports.control;

import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.contacts.entity.InvalidPhoto;
import dev.kontak.vcards.control.VCardMapping;
import ezvcard.Ezvcard;
import ezvcard.VCard;
import java.time.DateTimeException;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * A vCard file (2.1, 3.0 or 4.0; one card or an address book's many), cut into its cards at their BEGIN:VCARD and
 * END:VCARD lines, so that each card is parsed alone: one card ez-vcard cannot read is a problem of that card, not
 * of the file, and a card's line is known.
 */
public final class VCardFile implements ImportFile {

    /** One card may hold another (vCard 2.1's AGENT); deeper nesting is no address book's and is not parsed. */
    private static final int DEEPEST = 2;

    private final String text;

    VCardFile(String text) {
        this.text = text;
    }

    @Override
    public int count() {
        Stretches stretches = new Stretches(text);
        int cards = 0;
        for (Stretch stretch = stretches.next(); stretch != null; stretch = stretches.next()) {
            switch (stretch.kind()) {
                case OUTSIDE -> throw new NotThisFormat(stretch.line(),
                        "is not part of a vCard: it should begin with BEGIN:VCARD.");
                case UNENDED -> throw new NotThisFormat(stretch.line(),
                        "begins a vCard that does not end: END:VCARD is missing.");
                case CARD -> cards++;
            }
        }
        if (cards == 0) {
            throw new NotThisFormat(1, "is empty: a vCard file begins with BEGIN:VCARD.");
        }
        return cards;
    }

    @Override
    public Iterator<ImportedCard> cards() {
        Stretches stretches = new Stretches(text);
        return new Iterator<>() {
            private Stretch next = stretches.next();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public ImportedCard next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Stretch stretch = next;
                next = stretches.next();
                return card(stretch);
            }
        };
    }

    private static ImportedCard card(Stretch stretch) {
        return switch (stretch.kind()) {
            case OUTSIDE -> ImportedCard.problem(stretch.line(), "This line is not part of a vCard.");
            case UNENDED -> ImportedCard.problem(stretch.line(), "This card does not end: END:VCARD is missing.");
            case CARD -> stretch.depth() > DEEPEST
                    ? ImportedCard.problem(stretch.line(), "This card holds cards within cards within cards.")
                    : parsed(stretch);
        };
    }

    private static ImportedCard parsed(Stretch stretch) {
        ContactDetails details;
        String leftOut = null;
        try {
            VCard vcard = Ezvcard.parse(stretch.text()).first();
            if (vcard == null) {
                return ImportedCard.problem(stretch.line(), "This card cannot be read.");
            }
            try {
                details = VCardMapping.toDetails(vcard);
            } catch (InvalidPhoto photo) {
                leftOut = "The photo was left out: " + photo.getMessage();
                vcard.removeProperties(ezvcard.property.Photo.class);
                details = VCardMapping.toDetails(vcard);
            }
        } catch (DateTimeException noSuchDay) {
            return ImportedCard.problem(stretch.line(), "This card has a birthday or anniversary that is no date.");
        } catch (RuntimeException unreadable) {
            return ImportedCard.problem(stretch.line(), "This card cannot be read.");
        }
        if (details.name().isBlank()) {
            return ImportedCard.problem(stretch.line(), "This card has no name, organisation, e-mail or phone.");
        }
        return new ImportedCard(stretch.line(), details, leftOut);
    }

    private enum Kind {
        CARD, UNENDED, OUTSIDE
    }

    /** A card from its BEGIN:VCARD line to its END:VCARD line, or a line that is in no card. */
    private record Stretch(Kind kind, int line, String text, int depth) {
    }

    /**
     * The file's stretches, one after the other. A property's continuation lines (folded lines, which begin with a
     * space or a tab, and the lines after a quoted-printable value's soft break, a final {@code =}) are never read
     * as BEGIN or END, whatever they say.
     */
    private static final class Stretches {

        private final String text;
        private int position;
        private int line = 1;

        Stretches(String text) {
            this.text = text;
        }

        /** The next stretch, or null at the end of the file; blank lines between cards are skipped. */
        Stretch next() {
            while (position < text.length()) {
                int start = position;
                int first = line;
                String read = readLine();
                if (read.isBlank()) {
                    continue;
                }
                if (!is(read, "BEGIN:VCARD")) {
                    return new Stretch(Kind.OUTSIDE, first, read, 0);
                }
                return card(start, first);
            }
            return null;
        }

        private Stretch card(int start, int first) {
            int depth = 1;
            int deepest = 1;
            boolean quotedPrintable = false;
            boolean softBreak = false;
            while (position < text.length()) {
                String read = readLine();
                boolean continued = softBreak || read.startsWith(" ") || read.startsWith("\t");
                if (!continued) {
                    quotedPrintable = isQuotedPrintable(read);
                    if (is(read, "BEGIN:VCARD")) {
                        deepest = Math.max(deepest, ++depth);
                    } else if (is(read, "END:VCARD") && --depth == 0) {
                        return new Stretch(Kind.CARD, first, text.substring(start, position), deepest);
                    }
                }
                softBreak = quotedPrintable && read.endsWith("=");
            }
            return new Stretch(Kind.UNENDED, first, text.substring(start), deepest);
        }

        /** The line from the position, without its end; the position moves past the end. */
        private String readLine() {
            int end = position;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            String read = text.substring(position, end);
            if (end < text.length() && text.charAt(end) == '\r') {
                end++;
            }
            if (end < text.length() && text.charAt(end) == '\n') {
                end++;
            }
            position = end;
            line++;
            return read;
        }

        private static boolean is(String line, String keyword) {
            return line.strip().equalsIgnoreCase(keyword);
        }

        /** vCard 2.1 writes {@code ENCODING=QUOTED-PRINTABLE} or only {@code QUOTED-PRINTABLE}, before the colon. */
        private static boolean isQuotedPrintable(String line) {
            int colon = line.indexOf(':');
            return colon > 0 && line.substring(0, colon).toUpperCase(Locale.ROOT).contains("QUOTED-PRINTABLE");
        }
    }
}
