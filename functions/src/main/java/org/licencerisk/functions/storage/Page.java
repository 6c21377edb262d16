package org.licencerisk.functions.storage;

import java.util.List;

/**
 * One page of a list and the cursor of the next page.
 *
 * @param items      the items, in the list's order
 * @param nextCursor the opaque cursor of the next page, or {@code null} on the last page
 * @param <T>        the item type
 */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }
}
