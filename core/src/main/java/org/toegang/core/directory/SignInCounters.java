package org.toegang.core.directory;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Sign-ins per application, organisation and day (UTC), for the application's owner ("who
 * consults your information"): one {@code toegangSignInCounter} entry per application ×
 * organisation × day under {@code ou=signIns}, named by a UUID derived from those three, so
 * that every node finds the same entry. A count is a compare-and-swap (delete the old value, add
 * the new one, in one modify), retried when another node counted in between: no sign-in is lost
 * or counted twice. Thread-safe.
 */
public final class SignInCounters {
    static final String CLASS = "toegangSignInCounter";
    static final String COUNT = "toegangSignInCount";
    static final String DAY = "toegangAuditTime";
    private static final int ATTEMPTS = 20;

    private final Directory directory;
    private final Containers containers;

    public SignInCounters(Directory directory) {
        this.directory = directory;
        this.containers = new Containers(directory);
    }

    /** One day's count. */
    public record DayCount(String clientId, String organisationKey, LocalDate day, long count) {
    }

    /** Counts one sign-in at {@code at}. */
    public void count(String clientId, String organisationKey, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        String id = UUID.nameUUIDFromBytes((clientId + "\u0000" + organisationKey + "\u0000" + day)
                .getBytes(StandardCharsets.UTF_8)).toString();
        try {
            DN dn = new DN(new RDN(Attributes.ID, id), new DN(containers.ensure("signIns")));
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                SearchResultEntry current = directory.pool().getEntry(dn.toString(), COUNT);
                if (current == null) {
                    Entry entry = new Entry(dn);
                    entry.addAttribute(Attributes.OBJECT_CLASS, "top", CLASS);
                    entry.addAttribute(Attributes.ID, id);
                    entry.addAttribute(Attributes.CLIENT_ID, clientId);
                    entry.addAttribute(Attributes.ORGANISATION_KEY, organisationKey);
                    entry.addAttribute(DAY, EntryMapper.generalizedTime(day.atStartOfDay(ZoneOffset.UTC).toInstant()));
                    entry.addAttribute(COUNT, "1");
                    if (succeeded(() -> directory.pool().add(entry), ResultCode.ENTRY_ALREADY_EXISTS)) {
                        return;
                    }
                    continue;
                }
                String old = current.getAttributeValue(COUNT);
                String next = Long.toString(Long.parseLong(old) + 1);
                if (succeeded(() -> directory.pool().modify(dn.toString(),
                        new Modification(ModificationType.DELETE, COUNT, old),
                        new Modification(ModificationType.ADD, COUNT, next)), ResultCode.NO_SUCH_ATTRIBUTE)) {
                    return;
                }
            }
            throw new DirectoryUnavailableException("sign-in counter " + dn + " kept changing; gave up after "
                    + ATTEMPTS + " attempts", null);
        } catch (LDAPException e) {
            throw Directory.unavailable(directory.config(), e);
        }
    }

    /** The application's counts from {@code from} to {@code to} (both inclusive), by day then organisation. */
    public List<DayCount> ofApplication(String clientId, LocalDate from, LocalDate to) {
        Filter filter = Filter.createANDFilter(Filter.createEqualityFilter(Attributes.OBJECT_CLASS, CLASS),
                Filter.createEqualityFilter(Attributes.CLIENT_ID, clientId),
                Filter.createGreaterOrEqualFilter(DAY, EntryMapper.generalizedTime(from.atStartOfDay(ZoneOffset.UTC).toInstant())),
                Filter.createLessOrEqualFilter(DAY, EntryMapper.generalizedTime(to.atStartOfDay(ZoneOffset.UTC).toInstant())));
        List<DayCount> counts = new ArrayList<>();
        PagedSearch.forEach(directory, containers.ensure("signIns"), filter, entry -> counts.add(read(entry)),
                Attributes.CLIENT_ID, Attributes.ORGANISATION_KEY, DAY, COUNT);
        counts.sort(Comparator.comparing(DayCount::day).thenComparing(DayCount::organisationKey));
        return counts;
    }

    private static DayCount read(SearchResultEntry entry) {
        try {
            return new DayCount(entry.getAttributeValue(Attributes.CLIENT_ID),
                    entry.getAttributeValue(Attributes.ORGANISATION_KEY),
                    LocalDate.ofInstant(GeneralizedTimes.parse(entry.getAttributeValue(DAY)), ZoneOffset.UTC),
                    Long.parseLong(entry.getAttributeValue(COUNT)));
        } catch (ParseException e) {
            throw new IllegalStateException(entry.getDN() + " holds a malformed day", e);
        }
    }

    private interface Write {
        void run() throws LDAPException;
    }

    /** Runs the write; false when it lost a race (the given result code), so the caller retries. */
    private static boolean succeeded(Write write, ResultCode lostRace) throws LDAPException {
        try {
            write.run();
            return true;
        } catch (LDAPException e) {
            if (e.getResultCode() == lostRace) {
                return false;
            }
            throw e;
        }
    }
}
