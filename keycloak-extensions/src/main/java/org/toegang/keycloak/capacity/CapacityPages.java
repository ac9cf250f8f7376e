package org.toegang.keycloak.capacity;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.toegang.core.capacity.Capacity;

/** The three pages of the capacity step; texts are message keys of the {@code toegang} theme. */
final class CapacityPages {
    static final String CHOOSER = "toegang-capacity.ftl";
    static final String REFUSAL = "toegang-refused.ftl";
    static final String ERROR = "toegang-error.ftl";

    private CapacityPages() {
    }

    static Response chooser(AuthenticationFlowContext context, List<Capacity> capacities, String errorKey) {
        var form = context.form()
                .setAttribute("capacities", capacities.stream().map(CapacityOption::new).toList())
                .setAttribute("application", context.getAuthenticationSession().getClient().getClientId());
        if (errorKey != null) {
            form.setError(errorKey);
        }
        return form.createForm(CHOOSER);
    }

    /** A clear refusal: {@code reasonKey} says why, the page says what to do. */
    static Response refusal(AuthenticationFlowContext context, String reasonKey) {
        return context.form()
                .setAttribute("reasonKey", reasonKey)
                .setAttribute("application", context.getAuthenticationSession().getClient().getClientId())
                .createForm(REFUSAL);
    }

    /** An error the person cannot fix here (malformed hint, directory down); no stack trace. */
    static Response error(AuthenticationFlowContext context, String reasonKey, String detail) {
        return context.form()
                .setAttribute("reasonKey", reasonKey)
                .setAttribute("detail", detail)
                .createForm(ERROR);
    }
}
