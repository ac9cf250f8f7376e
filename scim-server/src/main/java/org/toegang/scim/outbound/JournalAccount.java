package org.toegang.scim.outbound;

import java.util.Optional;
import org.toegang.core.provisioning.AccountState;

/**
 * What the journal knows of one person's account at one target.
 *
 * @param targetId  the target's own id of the account, once a create or a search found it
 * @param queued    the state last queued for it (delivered or not)
 * @param delivered the state the target acknowledged last
 */
public record JournalAccount(String target, String personId, Optional<String> targetId, AccountState queued,
                             Optional<AccountState> delivered) {
}
