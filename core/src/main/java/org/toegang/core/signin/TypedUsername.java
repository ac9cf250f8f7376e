package org.toegang.core.signin;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Whether what a person typed in the username field names the account the directory found, the
 * one rule for it. The directory matches {@code uid} with its string preparation (RFC 4518
 * section 2): it maps characters such as ZERO WIDTH SPACE (U+200B), SOFT HYPHEN and the
 * variation selectors to nothing, applies NFKC (so fullwidth and other compatibility forms match
 * their plain letters), folds case and squeezes spaces. So {@code an.peeters} followed by U+200B,
 * or written in fullwidth letters, finds An; accepting that lets a look-alike name pass checks
 * that compare names (audit, allow and deny lists, lockout counting by name) and sign in as her.
 *
 * <p>The rule: the typed name must be exactly the account's username, apart from letter case.
 * Canonically equivalent forms (NFC and NFD of the same accented letter) count as the same text;
 * compatibility forms, format characters (Unicode category Cf: zero-width and bidirectional
 * marks, the BOM), control characters and extra spaces do not. Letter case is compared both ways
 * in {@link Locale#ROOT}, so that characters that only fold to a letter (KELVIN SIGN, LATIN
 * SMALL LETTER LONG S) do not pass for it. Keycloak trims leading and trailing white space before
 * it looks the person up; this rule is applied to that trimmed name.
 */
public final class TypedUsername {
    private TypedUsername() {
    }

    /**
     * @param typed    the name as typed (trimmed as Keycloak trims it); may be null
     * @param username the account's username as the directory holds it; may be null
     * @return whether {@code typed} names that account; false when either is null
     */
    public static boolean names(String typed, String username) {
        if (typed == null || username == null) {
            return false;
        }
        String text = Normalizer.normalize(typed, Normalizer.Form.NFC);
        String account = Normalizer.normalize(username, Normalizer.Form.NFC);
        return text.toLowerCase(Locale.ROOT).equals(account.toLowerCase(Locale.ROOT))
                && text.toUpperCase(Locale.ROOT).equals(account.toUpperCase(Locale.ROOT));
    }
}
