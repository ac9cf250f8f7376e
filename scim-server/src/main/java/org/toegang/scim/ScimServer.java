package org.toegang.scim;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import com.unboundid.scim2.common.utils.JsonUtils;
import com.unboundid.scim2.server.providers.DotSearchFilter;
import java.net.URI;
import java.time.Clock;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.toegang.core.directory.Directory;
import org.toegang.core.directory.DirectoryConfig;
import org.toegang.core.directory.DirectoryRepository;
import org.toegang.core.audit.PersonChanges;
import org.toegang.core.directory.DirectoryAuditTrail;
import org.toegang.core.directory.PersonStore;
import org.toegang.core.directory.RightsQuery;
import org.toegang.scim.auth.BearerAuthentication;
import org.toegang.scim.auth.TokenVerifier;
import org.toegang.scim.bulk.BulkEndpoint;
import org.toegang.scim.discovery.ResourceTypesResource;
import org.toegang.scim.discovery.SchemasResource;
import org.toegang.scim.discovery.ServiceProviderConfigResource;
import org.toegang.core.directory.CursorSearches;
import org.toegang.core.directory.GroupStore;
import org.toegang.scim.groups.GroupService;
import org.toegang.scim.groups.GroupsEndpoint;
import org.toegang.scim.groups.RightsGroups;
import org.toegang.scim.http.RejectedPaths;
import org.toegang.scim.http.RequestPathGuard;
import org.toegang.scim.organisations.OrganisationsEndpoint;
import org.toegang.scim.protocol.BodyLimit;
import org.toegang.scim.protocol.ScimContentType;
import org.toegang.scim.protocol.ScimErrors;
import org.toegang.scim.protocol.ScimLimits;
import org.toegang.scim.users.UserService;
import org.toegang.scim.users.UsersEndpoint;

/**
 * The SCIM 2.0 service provider (RFC 7643, RFC 7644) over the directory, on Grizzly and Jersey.
 * Stateless: every request reads and writes the directory through core. Close it to stop.
 */
public final class ScimServer implements AutoCloseable {
    private final HttpServer http;
    private final Directory directory;
    private final CursorSearches cursors;
    private final URI baseUri;

    private ScimServer(HttpServer http, Directory directory, CursorSearches cursors, URI baseUri) {
        this.http = http;
        this.directory = directory;
        this.cursors = cursors;
        this.baseUri = baseUri;
    }

    /**
     * Connects to the directory and starts listening.
     *
     * @throws org.toegang.core.directory.DirectoryUnavailableException when the directory cannot be reached
     */
    public static ScimServer start(ScimServerConfig config) {
        Directory directory = Directory.connect(config.directory());
        try {
            CursorSearches cursors = new CursorSearches(directory);
            ResourceConfig application = application(config, directory, cursors);
            HttpServer http = GrizzlyHttpServerFactory.createHttpServer(config.baseUri(), application, false);
            try {
                http.start();
            } catch (java.io.IOException e) {
                http.shutdownNow();
                throw new java.io.UncheckedIOException("cannot listen at " + config.baseUri(), e);
            }
            RequestPathGuard.install(http.getListener("grizzly").getFilterChain(), config.baseUri().getPath());
            int port = http.getListener("grizzly").getPort();
            URI actual = URI.create(config.baseUri().getScheme() + "://" + config.baseUri().getHost() + ":" + port
                    + config.baseUri().getPath());
            return new ScimServer(http, directory, cursors, actual);
        } catch (RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    static ResourceConfig application(ScimServerConfig config, Directory directory, CursorSearches cursors) {
        ScimLimits limits = config.limits();
        Clock clock = Clock.systemUTC();
        RightsQuery rights = new RightsQuery(directory);
        // every write of a person leaves one audit entry in the directory (the trail the API shares)
        GroupStore groupStore = new GroupStore(directory);
        UserService users = new UserService(new PersonStore(directory), rights, limits, clock, UsersEndpoint.DEFINITION,
                new PersonChanges(new DirectoryAuditTrail(directory)), groupStore);
        TokenVerifier tokens = new TokenVerifier(config.issuer(), config.jwksUrl(), config.audience());
        ResourceConfig application = new ResourceConfig();
        application.register(new JacksonJsonProvider(JsonUtils.createObjectMapper()));
        application.register(new BodyLimit(limits.maxBodyBytes()));
        application.register(new BearerAuthentication(tokens));
        application.register(DotSearchFilter.class);
        application.register(new ScimErrors());
        application.register(RejectedPaths.class);
        application.register(new ScimContentType());
        application.register(new UsersEndpoint(users, limits, cursors));
        GroupService groups = new GroupService(groupStore, new RightsGroups(rights), limits, clock,
                GroupsEndpoint.DEFINITION);
        application.register(new GroupsEndpoint(groups, limits, cursors));
        application.register(new OrganisationsEndpoint(new DirectoryRepository(directory), limits));
        application.register(new BulkEndpoint(users, groups, limits));
        application.register(org.toegang.scim.users.MeEndpoint.class);
        application.register(new ServiceProviderConfigResource(limits));
        application.register(SchemasResource.class);
        application.register(ResourceTypesResource.class);
        application.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        return application;
    }

    /**
     * Serves {@code handler} at {@code paths} on the same port, next to the SCIM API (outbound
     * provisioning's status and metrics use this).
     */
    public void serve(org.glassfish.grizzly.http.server.HttpHandler handler, String... paths) {
        http.getServerConfiguration().addHttpHandler(handler, paths);
    }

    /** Where the API answers, with the port actually bound (useful with port 0). */
    public URI baseUri() {
        return baseUri;
    }

    @Override
    public void close() {
        http.shutdownNow();
        cursors.close();
        directory.close();
    }

    /**
     * Starts the server from system properties (or the environment, upper-cased with
     * underscores: {@code TOEGANG_LDAP_BIND_DN}): {@code toegang.scim.host} (the address to listen on, {@code localhost};
     * {@code 0.0.0.0} in a container), {@code toegang.scim.port} (8090), {@code toegang.ldap.url},
     * {@code toegang.ldap.bindDn}, {@code toegang.ldap.password}, {@code toegang.ldap.baseDn},
     * {@code toegang.ldap.poolSize} (core's {@link DirectoryConfig} defaults, the same as the
     * Keycloak provider's), {@code toegang.issuer} ({@code http://localhost:8080/realms/toegang}),
     * {@code toegang.jwks} (where to fetch the realm's keys, when the issuer's host is not reachable
     * from here, e.g. behind a load balancer; default: the issuer's certs endpoint),
     * {@code toegang.scim.audience} (the SCIM resource client, {@code toegang-scim}), {@code toegang.provisioning.config} (a provisioning
     * configuration file: when given, outbound provisioning runs too).
     */
    public static void main(String[] args) throws InterruptedException {
        String issuer = setting("toegang.issuer", "http://localhost:8080/realms/toegang");
        ScimServerConfig config = new ScimServerConfig(
                URI.create("http://" + setting("toegang.scim.host", "localhost") + ":"
                        + setting("toegang.scim.port", "" + ScimServerConfig.DEFAULT_PORT) + ScimServerConfig.DEFAULT_PATH),
                DirectoryConfig.of(setting("toegang.ldap.url", null), setting("toegang.ldap.bindDn", null),
                        setting("toegang.ldap.password", null), setting("toegang.ldap.baseDn", null),
                        poolSize(setting("toegang.ldap.poolSize", null))),
                issuer, jwks(setting("toegang.jwks", null), issuer),
                setting("toegang.scim.audience", ScimServerConfig.DEFAULT_AUDIENCE), ScimLimits.DEFAULTS);
        ScimServer server = start(config);
        String provisioningConfig = setting("toegang.provisioning.config", "");
        AutoCloseable provisioning = provisioningConfig.isEmpty() ? () -> { }
                : org.toegang.scim.outbound.OutboundProvisioning.attach(server, config.directory(),
                        java.nio.file.Path.of(provisioningConfig));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                provisioning.close();
            } catch (Exception e) {
                System.err.println("While stopping outbound provisioning: " + e.getMessage());
            }
            server.close();
        }, "scim-shutdown"));
        System.out.println("SCIM 2.0 server at " + server.baseUri());
        Thread.currentThread().join();
    }

    private static Integer poolSize(String value) {
        return value == null ? null : Integer.valueOf(value);
    }

    private static java.net.URL jwks(String configured, String issuer) {
        try {
            return configured == null ? ScimServerConfig.jwksOf(issuer) : URI.create(configured).toURL();
        } catch (java.net.MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("toegang.jwks " + configured + " is not a URL", e);
        }
    }

    /** {@code toegang.ldap.bindDn} is {@code TOEGANG_LDAP_BIND_DN} in the environment. */
    static String environmentName(String property) {
        return property.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT).replace('.', '_');
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(environmentName(name));
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
