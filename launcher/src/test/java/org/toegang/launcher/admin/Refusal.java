package org.toegang.launcher.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.toegang.launcher.RunningToegang;

/** Checks a refused call: its status, a problem document naming the field, and the directory unchanged. */
record Refusal(RunningToegang toegang, AdminApi api) {
    /** Calls and checks; {@code field} may be null when the refusal names none (401, 403). */
    AdminApi.Answer expect(String token, String method, String path, Object body, Map<String, String> headers, int status,
                           String field) {
        String before;
        try (DirectoryFixture directory = new DirectoryFixture(toegang.directory())) {
            before = directory.export();
        }
        AdminApi.Answer answer = api.call(method, path, token, body, headers);
        assertThat(answer.status()).as("%s %s: %s", method, path, answer).isEqualTo(status);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        if (field != null) {
            assertThat(answer.json().path("errors").findValuesAsText("field")).as("%s", answer).contains(field);
        }
        try (DirectoryFixture directory = new DirectoryFixture(toegang.directory())) {
            assertThat(directory.export()).as("the directory after a refused %s %s", method, path).isEqualTo(before);
        }
        return answer;
    }
}
