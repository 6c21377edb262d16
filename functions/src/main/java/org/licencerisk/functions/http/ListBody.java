package org.licencerisk.functions.http;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A page of a list as the API returns it: {@code {"items": [...], "nextCursor": "..." | null}}.
 *
 * @param items      the items
 * @param nextCursor the cursor of the next page, {@code null} on the last page (always written)
 * @param <T>        the item type
 */
public record ListBody<T>(List<T> items, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {

    public ListBody {
        items = List.copyOf(items);
    }
}
