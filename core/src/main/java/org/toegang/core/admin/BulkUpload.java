package org.toegang.core.admin;

import static org.toegang.core.admin.AdministrationPolicy.require;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.toegang.core.admin.GrantService.GrantDraft;
import org.toegang.core.audit.AuditTrail;
import org.toegang.core.directory.GrantEntries;
import org.toegang.core.directory.StoredGrant;
import org.toegang.core.model.Grant;
import org.toegang.core.model.GrantStatus;
import org.toegang.core.model.Right;
import org.toegang.core.model.Validity;
import org.toegang.core.report.BulkRefusal;
import org.toegang.core.report.ReportCsv;
import org.toegang.core.report.ReportRow;

/**
 * Bulk upload: a CSV in the report's own format ({@link ReportCsv}) for one organisation, so a
 * report can be edited and uploaded again (after a merger: change {@code organisationKey}, empty
 * {@code grantId}). Each line is one of: a new grant (no {@code grantId}), a changed validity of
 * an existing grant, a revocation ({@code status} {@code revoked}), or no change. Lines that are
 * not in the file change nothing: an upload adds and changes, it does not synchronise.
 *
 * <p>{@link #preview} validates every line and lists every change and every refusal (line,
 * field, reason) without writing; {@link #apply} validates the same way and, only when nothing is
 * refused, applies every change or none: a failure part-way undoes what was done (compensation,
 * as the bulk validity change does), and the audit trail then gets one entry per change.
 */
public final class BulkUpload {
    public static final int MAX_LINES = 10_000;

    private final AdminStores stores;
    private final GrantService grants;
    private final GrantEntries entries;
    private final Audit audit;

    public BulkUpload(AdminStores stores, GrantService grants, GrantEntries entries, AuditTrail trail) {
        this.stores = stores;
        this.grants = grants;
        this.entries = entries;
        this.audit = new Audit(trail);
    }

    public enum Kind { CREATE, CHANGE_VALIDITY, REVOKE, UNCHANGED }

    /** One planned change: the line it comes from, what it does, the grant it touches (if existing). */
    public record Change(int line, Kind kind, Optional<String> grantId, ReportRow row) {
    }

    /** What an upload would do: every change and every refusal. */
    public record Preview(List<Change> changes, List<BulkRefusal> refusals) {
        public Preview {
            changes = List.copyOf(changes);
            refusals = List.copyOf(refusals);
        }

        public boolean applicable() {
            return refusals.isEmpty();
        }
    }

    /** Validates every line; changes nothing. */
    public Preview preview(AdminContext context, String organisationKey, Reader csv) {
        require(context.policy().mayManagePeopleOf(organisationKey), "upload grants for this organisation");
        List<ReportCsv.Parsed> lines = ReportCsv.read(csv);
        if (lines.size() > MAX_LINES) {
            throw new BulkRefusal.Invalid(new BulkRefusal(0, "file", "holds more than " + MAX_LINES + " lines"));
        }
        Map<String, StoredGrant> current = new HashMap<>();
        stores.administration().grantsOfOrganisation(organisationKey).forEach(grant -> current.put(grant.id(), grant));
        List<Change> changes = new ArrayList<>();
        List<BulkRefusal> refusals = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ReportCsv.Parsed parsed : lines) {
            if (parsed.row().isEmpty()) {
                refusals.addAll(parsed.refusals());
                continue;
            }
            int before = refusals.size();
            Change change = plan(context, organisationKey, parsed.line(), parsed.row().get(), current, refusals);
            String key = change.grantId().orElse(change.row().personId() + "\u0000" + change.row().clientId() + "\u0000"
                    + change.row().right() + "\u0000" + change.row().context().orElse(""));
            if (!seen.add(key)) {
                refusals.add(new BulkRefusal(parsed.line(), change.grantId().isPresent() ? "grantId" : "right",
                        "appears on an earlier line too"));
            }
            if (refusals.size() == before) {
                changes.add(change);
            }
        }
        return new Preview(changes, refusals);
    }

    /**
     * Applies the upload all or nothing.
     *
     * @throws BulkRefusal.Invalid with every refusal when any line is refused; nothing is changed
     */
    public List<Change> apply(AdminContext context, String organisationKey, Reader csv) {
        Preview preview = preview(context, organisationKey, csv);
        if (!preview.applicable()) {
            throw new BulkRefusal.Invalid(preview.refusals());
        }
        List<Done> done = new ArrayList<>();
        try {
            for (Change change : preview.changes()) {
                apply(context, organisationKey, change).ifPresent(done::add);
            }
        } catch (RuntimeException failure) {
            undo(done, failure);
            throw failure;
        }
        for (Done item : done) {
            audit.record(context, organisationKey, item.after().grant().clientId(), item.action(),
                    "grant/" + item.after().id(), item.before().map(g -> Audit.of(g.grant())).orElse(Map.of()),
                    Audit.of(item.after().grant()));
        }
        return preview.changes();
    }

    private record Done(String action, Optional<StoredGrant> before, StoredGrant after) {
    }

    private Optional<Done> apply(AdminContext context, String organisationKey, Change change) {
        ReportRow row = change.row();
        Validity validity = new Validity(row.validFrom(), row.validTo());
        return switch (change.kind()) {
            case UNCHANGED -> Optional.empty();
            case CREATE -> {
                GrantDraft draft = draft(row);
                Right right = grants.checked(context, organisationKey, draft);
                GrantStatus status = right.needsApproval() ? GrantStatus.REQUESTED : GrantStatus.ACTIVE;
                StoredGrant made = stores.administration().addGrant(row.personId(), row.clientId(), row.right(),
                        organisationKey, row.context(), validity, status, row.reason(), context.caller().personId());
                yield Optional.of(new Done(status == GrantStatus.ACTIVE ? "grant.create" : "request.create",
                        Optional.empty(), made));
            }
            case CHANGE_VALIDITY -> {
                StoredGrant current = stores.administration().grant(change.grantId().orElseThrow()).orElseThrow();
                yield Optional.of(new Done("grant.validity", Optional.of(current), stores.administration()
                        .changeGrantValidity(current, Optional.of(current.revision()), validity)));
            }
            case REVOKE -> {
                StoredGrant current = stores.administration().grant(change.grantId().orElseThrow()).orElseThrow();
                yield Optional.of(new Done("grant.revoke", Optional.of(current), stores.administration()
                        .changeGrantStatus(current, Optional.of(current.revision()), GrantStatus.REVOKED,
                                context.caller().personId(), row.reason())));
            }
        };
    }

    private void undo(List<Done> done, RuntimeException cause) {
        List<String> left = new ArrayList<>();
        for (int i = done.size() - 1; i >= 0; i--) {
            Done item = done.get(i);
            try {
                if (item.before().isEmpty()) {
                    entries.undoCreation(item.after().id());
                } else if (item.action().equals("grant.revoke")) {
                    stores.administration().changeGrantStatus(item.after(), Optional.of(item.after().revision()),
                            item.before().get().grant().status(), item.before().get().grant().decidedBy(),
                            item.before().get().decisionReason());
                } else {
                    stores.administration().changeGrantValidity(item.after(), Optional.of(item.after().revision()),
                            item.before().get().grant().validity());
                }
            } catch (RuntimeException e) {
                left.add(item.after().id());
            }
        }
        if (!left.isEmpty()) {
            throw new BulkValidityChange.CompensationFailedException("a bulk upload failed (" + cause.getMessage()
                    + ") and these grants could not be set back: " + left, cause);
        }
    }

    private Change plan(AdminContext context, String organisationKey, int line, ReportRow row,
                        Map<String, StoredGrant> current, List<BulkRefusal> refusals) {
        if (!row.organisationKey().equalsIgnoreCase(organisationKey)) {
            refusals.add(new BulkRefusal(line, "organisationKey", "must be " + organisationKey
                    + ", the organisation uploaded to"));
        }
        if (!context.policy().mayGrant(organisationKey, row.clientId())) {
            refusals.add(new BulkRefusal(line, "clientId", "the caller may not grant rights of this application "
                    + "for this organisation"));
            return new Change(line, Kind.UNCHANGED, row.grantId(), row);
        }
        Validity validity;
        try {
            validity = new Validity(row.validFrom(), row.validTo());
        } catch (IllegalArgumentException e) {
            refusals.add(new BulkRefusal(line, "validTo", "must be after validFrom"));
            return new Change(line, Kind.UNCHANGED, row.grantId(), row);
        }
        if (row.grantId().isEmpty()) {
            if (!row.status().equals(GrantStatus.ACTIVE.code())) {
                refusals.add(new BulkRefusal(line, "status", "a new grant must have status active"));
            }
            try {
                grants.checked(context, organisationKey, draft(row));
            } catch (RefusedException e) {
                e.errors().forEach(error -> refusals.add(new BulkRefusal(line, error.field(), error.reason())));
            } catch (NotFoundException e) {
                refusals.add(new BulkRefusal(line, "organisationKey", e.getMessage()));
            }
            return new Change(line, Kind.CREATE, Optional.empty(), row);
        }
        StoredGrant stored = current.get(row.grantId().get());
        if (stored == null) {
            refusals.add(new BulkRefusal(line, "grantId", "is not a grant of this organisation"));
            return new Change(line, Kind.UNCHANGED, row.grantId(), row);
        }
        Grant grant = stored.grant();
        for (String[] same : new String[][] {{"personId", grant.personId(), row.personId()},
                {"clientId", grant.clientId(), row.clientId()}, {"right", grant.right(), row.right()},
                {"context", grant.context().orElse(""), row.context().orElse("")}}) {
            if (!same[1].equals(same[2])) {
                refusals.add(new BulkRefusal(line, same[0], "cannot change on an existing grant; empty grantId to "
                        + "grant anew"));
            }
        }
        boolean revoke = row.status().equals(GrantStatus.REVOKED.code()) && grant.status() != GrantStatus.REVOKED;
        if (revoke) {
            if (grant.status() != GrantStatus.ACTIVE) {
                refusals.add(new BulkRefusal(line, "status", "only an active grant can be revoked; this one is "
                        + grant.status().code()));
            }
            return new Change(line, Kind.REVOKE, row.grantId(), row);
        }
        if (!row.status().equals(grant.status().code())) {
            refusals.add(new BulkRefusal(line, "status", "can only stay " + grant.status().code()
                    + " or become revoked"));
        }
        if (validity.equals(grant.validity())) {
            return new Change(line, Kind.UNCHANGED, row.grantId(), row);
        }
        grants.validateChange(context, organisationKey, "", stored, validity)
                .forEach(error -> refusals.add(new BulkRefusal(line, error.field(), error.reason())));
        return new Change(line, Kind.CHANGE_VALIDITY, row.grantId(), row);
    }

    private static GrantDraft draft(ReportRow row) {
        return new GrantDraft(row.personId(), row.clientId(), row.right(), row.context(),
                new Validity(row.validFrom(), row.validTo()), row.reason());
    }
}
