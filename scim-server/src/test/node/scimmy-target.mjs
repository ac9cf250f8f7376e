// An independent SCIM 2.0 service provider for the outbound provisioning tests: SCIMMY (a
// third-party implementation of RFC 7643/7644) validates every User written to it with its own
// schema code, applies PATCH with its own PatchOp and filters with its own engine; this file only
// keeps the accounts and groups in memory and speaks HTTP. A User's read-only "groups" is computed
// from the Groups' members, as RFC 7643 section 4.1.2 says. userName and externalId are unique (409, as RFC
// 7644 section 3.3 says). Bearer token required. Prints {"port":N} when listening; exits when its
// standard input closes, so it never outlives the test that started it.
import http from "node:http";
import { randomUUID } from "node:crypto";
import SCIMMY from "scimmy";

const { token } = JSON.parse(process.argv[2] ?? "{}");
const users = new Map();
const groups = new Map();

function withGroups(user) {
    const memberOf = [...groups.values()].filter((g) => (g.members ?? []).some((m) => m.value === user.id))
        .map((g) => ({ value: g.id, display: g.displayName, type: "direct" }));
    const { groups: stored, ...own } = user; // read-only: never what a client wrote
    return memberOf.length ? { ...own, groups: memberOf } : own;
}
const BASE = "/scim/v2";

SCIMMY.Resources.declare(SCIMMY.Resources.User)
    .ingress((resource, data) => {
        const clash = [...users.values()].find((u) => u.id !== resource.id
            && (u.userName.toLowerCase() === String(data.userName).toLowerCase()
                || (data.externalId && u.externalId === data.externalId)));
        if (clash) throw new SCIMMY.Types.Error(409, "uniqueness", `userName or externalId ${data.userName} is taken`);
        const now = new Date();
        if (resource.id) {
            const existing = users.get(resource.id);
            if (!existing) throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
            const replaced = { ...JSON.parse(JSON.stringify(data)), id: resource.id,
                meta: { created: existing.meta.created, lastModified: now } };
            users.set(resource.id, replaced);
            return replaced;
        }
        const id = randomUUID();
        const created = { ...JSON.parse(JSON.stringify(data)), id, meta: { created: now, lastModified: now } };
        users.set(id, created);
        return created;
    })
    .egress((resource) => {
        if (resource.id) {
            const user = users.get(resource.id);
            if (!user) throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
            return withGroups(user);
        }
        const all = [...users.values()].map(withGroups);
        return resource.filter ? resource.filter.match(all) : all;
    })
    .degress((resource) => {
        if (!users.delete(resource.id)) throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
        for (const group of groups.values()) group.members = (group.members ?? []).filter((m) => m.value !== resource.id);
    });

SCIMMY.Resources.declare(SCIMMY.Resources.Group)
    .ingress((resource, data) => {
        const clash = [...groups.values()].find((g) => g.id !== resource.id && g.displayName === data.displayName);
        if (clash) throw new SCIMMY.Types.Error(409, "uniqueness", `displayName ${data.displayName} is taken`);
        for (const member of data.members ?? []) {
            if (!users.has(member.value)) throw new SCIMMY.Types.Error(400, "invalidValue", `no User ${member.value}`);
        }
        // SCIMMY's filter engine fails (400) on a members[...] filter over a Group without members: keep an empty list
        data = { ...data, members: data.members ?? [] };
        const now = new Date();
        if (resource.id) {
            const existing = groups.get(resource.id);
            if (!existing) throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
            const replaced = { ...JSON.parse(JSON.stringify(data)), id: resource.id,
                meta: { created: existing.meta.created, lastModified: now } };
            groups.set(resource.id, replaced);
            return replaced;
        }
        const id = randomUUID();
        const created = { ...JSON.parse(JSON.stringify(data)), id, meta: { created: now, lastModified: now } };
        groups.set(id, created);
        return created;
    })
    .egress((resource) => {
        if (resource.id) {
            const group = groups.get(resource.id);
            if (!group) throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
            return group;
        }
        const all = [...groups.values()];
        return resource.filter ? resource.filter.match(all) : all;
    })
    .degress((resource) => {
        if (!groups.delete(resource.id)) throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
    });

function send(response, status, body) {
    const text = body === undefined ? "" : JSON.stringify(body);
    response.writeHead(status, { "Content-Type": "application/scim+json", "Content-Length": Buffer.byteLength(text) });
    response.end(text);
}

const server = http.createServer(async (request, response) => {
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    try {
        if (request.headers.authorization !== `Bearer ${token}`) {
            return send(response, 401, new SCIMMY.Messages.Error({ status: 401, detail: "bearer token required" }));
        }
        const url = new URL(request.url, "http://localhost");
        const path = url.pathname.startsWith(BASE) ? url.pathname.slice(BASE.length) : url.pathname;
        const match = /^\/(Users|Groups)(?:\/([^/]+))?$/.exec(path);
        if (!match) return send(response, 404, new SCIMMY.Messages.Error({ status: 404, detail: "no such endpoint" }));
        const Type = match[1] === "Users" ? SCIMMY.Resources.User : SCIMMY.Resources.Group;
        const id = match[2] ? decodeURIComponent(match[2]) : undefined;
        const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : undefined;
        const query = Object.fromEntries(url.searchParams);
        for (const number of ["startIndex", "count"]) if (number in query) query[number] = Number(query[number]);
        const resource = id ? new Type(id, query) : new Type(query);
        switch (request.method) {
            case "GET": return send(response, 200, await resource.read());
            case "POST": if (id) break; return send(response, 201, await resource.write(body));
            case "PUT": if (!id) break; return send(response, 200, await resource.write(body));
            case "PATCH": if (!id) break; {
                const patched = await resource.patch(body);
                return patched ? send(response, 200, patched) : send(response, 204);
            }
            case "DELETE": if (!id) break; await resource.dispose(); return send(response, 204);
        }
        send(response, 405, new SCIMMY.Messages.Error({ status: 405, detail: "method not allowed" }));
    } catch (error) {
        const status = error instanceof SCIMMY.Types.Error ? error.status : 500;
        send(response, status, new SCIMMY.Messages.Error(error instanceof SCIMMY.Types.Error ? error
            : { status: 500, detail: String(error) }));
    }
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
    process.stdout.write(JSON.stringify({ port: server.address().port }) + "\n");
});
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
process.stdin.on("close", () => process.exit(0));
