package org.toegang.core.admin;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a list and the cursor of the next. The cursor is the opaque (base64url) sort key of
 * the last item: a page holds the items whose key sorts after it, so paging stays stable while
 * items are added or removed.
 */
public record Page<T>(List<T> items, Optional<String> next) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }

    /**
     * The page of {@code all} after {@code cursor}, sorted by {@code key}.
     *
     * @throws RefusedException naming {@code cursor} or {@code limit} when they are malformed
     */
    public static <T> Page<T> of(List<T> all, Function<T, String> key, Optional<String> cursor, Optional<Integer> limit) {
        int size = limit.orElse(DEFAULT_LIMIT);
        if (size < 1 || size > MAX_LIMIT) {
            throw RefusedException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        Optional<String> after = cursor.filter(c -> !c.isBlank()).map(Page::decode);
        List<T> sorted = all.stream().sorted(Comparator.comparing(key))
                .filter(item -> after.map(a -> key.apply(item).compareTo(a) > 0).orElse(true)).toList();
        List<T> items = sorted.subList(0, Math.min(size, sorted.size()));
        Optional<String> next = sorted.size() > size ? Optional.of(encode(key.apply(items.get(items.size() - 1))))
                : Optional.empty();
        return new Page<>(items, next);
    }

    /**
     * The limit asked for, checked.
     *
     * @throws RefusedException naming {@code limit} when it is outside 1 to {@value #MAX_LIMIT}
     */
    public static int limit(Optional<Integer> limit) {
        int size = limit.orElse(DEFAULT_LIMIT);
        if (size < 1 || size > MAX_LIMIT) {
            throw RefusedException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return size;
    }

    /**
     * The sort key a cursor carries.
     *
     * @throws RefusedException naming {@code cursor} when it is not a cursor this API returned
     */
    public static Optional<String> after(Optional<String> cursor) {
        return cursor.filter(c -> !c.isBlank()).map(Page::decode);
    }

    /**
     * A page made by a search that already kept, sorted by {@code key}, the first {@code limit + 1}
     * items after the cursor: the extra item only tells that there is a next page.
     */
    public static <T> Page<T> ofFirst(List<T> firstItems, Function<T, String> key, int limit) {
        List<T> items = firstItems.subList(0, Math.min(limit, firstItems.size()));
        Optional<String> next = firstItems.size() > limit ? Optional.of(encode(key.apply(items.get(items.size() - 1))))
                : Optional.empty();
        return new Page<>(items, next);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), next);
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RefusedException.invalid("cursor", "is not a cursor this API returned");
        }
    }
}
