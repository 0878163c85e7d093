package dev.kontak.admin.boundary;

import java.util.List;

/**
 * One page of a longer list, in a stable order.
 *
 * @param page the page number, from 1
 */
public record Paged<T>(List<T> items, long total, int page, int pageSize) {

    public Paged {
        items = List.copyOf(items);
    }

    public long pages() {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    /** Where the page's first item is in the whole list, for queries. */
    static int offset(int page, int pageSize) {
        return (page - 1) * pageSize;
    }
}
