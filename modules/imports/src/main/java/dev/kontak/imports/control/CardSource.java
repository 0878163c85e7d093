package dev.kontak.imports.control;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The cards of an import's file for its run, read forward as the batches ask for them. A batch that is run again
 * (its transaction rolled back) asks from an earlier place: the file is then read again from its start.
 */
public final class CardSource {

    private final ImportFile file;
    private Iterator<ImportedCard> cards;
    private int position;

    public CardSource(ImportFile file) {
        this.file = file;
        this.cards = file.cards();
    }

    /** Up to {@code count} cards from the {@code from}-th (counted from 0). */
    public List<ImportedCard> take(int from, int count) {
        if (from < position) {
            cards = file.cards();
            position = 0;
        }
        for (; position < from && cards.hasNext(); position++) {
            cards.next();
        }
        List<ImportedCard> taken = new ArrayList<>();
        while (taken.size() < count && cards.hasNext()) {
            taken.add(cards.next());
            position++;
        }
        return taken;
    }
}
