package org.toegang.directory;

/**
 * Directory ids ({@code toegangPersonId}, released as {@code vo_id}) of the demo people in
 * {@code demo-data.ldif}, for tests and benchmarks that address them.
 */
public final class DemoPeople {
    public static final String AN_PEETERS = "de47ef3f-70e5-40b8-9b55-d293b7687bcb";
    public static final String BART_CLAES = "3b9dfb0b-609b-46fc-a935-7dd2d4238322";
    public static final String CHRIS_WOUTERS = "a7bbafce-ec04-4dd8-bdb9-e8fd02406323";
    public static final String DINA_MAES = "26fcfc6f-43d5-4fb6-93c5-7e4bab2dae19";
    public static final String ELS_JACOBS = "db7ce41f-892a-4631-9875-a7e945835ad2";

    private DemoPeople() {
    }
}
