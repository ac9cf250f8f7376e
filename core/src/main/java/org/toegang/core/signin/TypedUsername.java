package org.toegang.core.signin;

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
 * <p>The rule: the typed name must be exactly the account's username, apart from letter case:
 * the same characters, so no format character (Unicode category Cf: zero-width and bidirectional
 * marks, the BOM), control character, extra space or compatibility form passes. No Unicode
 * normalisation is applied: not NFKC, which is what makes look-alikes match, and not even NFC,
 * whose singleton mappings (KELVIN SIGN to K, OHM SIGN to omega) would let a look-alike
 * through; browsers send the precomposed (NFC) text that keyboards type, as the directory holds
 * it. Letter case is compared both ways in {@link Locale#ROOT}, so that characters that only fold
 * to a letter (LATIN SMALL LETTER LONG S) do not pass for it. Keycloak trims leading and trailing
 * white space before it looks the person up; this rule is applied to that trimmed name.
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
        return typed.toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT))
                && typed.toUpperCase(Locale.ROOT).equals(username.toUpperCase(Locale.ROOT));
    }
}
