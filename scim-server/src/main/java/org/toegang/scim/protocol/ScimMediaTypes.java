package org.toegang.scim.protocol;

/** Media types of RFC 7644 §3.1; plain JSON is accepted and answered too. */
public final class ScimMediaTypes {
    public static final String SCIM_JSON = "application/scim+json";
    public static final String JSON = "application/json";

    private ScimMediaTypes() {
    }
}
