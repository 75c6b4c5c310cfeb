package dev.omnigate.gateway.security;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The door: every request is made by a client (an API key or a JWT), authenticated by Spring Security's OAuth2
 * resource server filter before anything else reads the request, with the gateway's own credential resolver and
 * authentication manager. Endpoint rules live here; GraphQL fields are authorised per field by
 * {@link dev.omnigate.gateway.security.graphql.ScopeInstrumentation}.
 *
 * <ul>
 *   <li>{@code /webhooks/**}: open to the vendors, whose signatures the ingress checks (its own filter chain, no credential
 *       parsing at all).</li>
 *   <li>{@code POST /graphql} (queries, SSE subscriptions): an authenticated client.</li>
 *   <li>{@code GET /graphql} (the WebSocket upgrade): open; clients authenticate in {@code connection_init}.</li>
 *   <li>{@code /actuator/health} and its probes: open (details for {@code admin} only); the rest of {@code /actuator} and
 *       {@code /sandbox}: {@code admin}, unless served on a separate management port.</li>
 *   <li>{@code /graphiql} and its assets: open (the page holds no data); anything else: an authenticated client.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    @Bean
    public ClientConfigLoader clientConfigLoader(SecurityProperties properties, Environment environment) {
        return new ClientConfigLoader(properties.clientsDir(), environment);
    }

    @Bean
    public ClientRegistry clientRegistry(ClientConfigLoader loader, ObjectProvider<BuiltInClients> builtIns) {
        return new ClientRegistry(loader, builtIns.orderedStream().toList());
    }

    @Bean(destroyMethod = "close")
    public ClientReloader clientReloader(ClientRegistry registry, SecurityProperties properties) {
        return new ClientReloader(registry, properties.clientsReloadInterval());
    }

    @Bean
    public AuthMetrics authMetrics(MeterRegistry meters) {
        return new AuthMetrics(meters);
    }

    @Bean
    public ApiKeyAuthenticator apiKeyAuthenticator(ClientRegistry registry, SecurityProperties properties, Clock clock) {
        return new ApiKeyAuthenticator(registry, properties, clock);
    }

    @Bean
    public GatewayAuthenticationManager gatewayAuthenticationManager(ApiKeyAuthenticator apiKeys, ObjectProvider<JwtDecoder> jwtDecoder,
            ClientRegistry registry, SecurityProperties properties, AuthMetrics metrics, Clock clock) {
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        JwtAuthenticationProvider jwt = null;
        if (decoder != null) {
            jwt = new JwtAuthenticationProvider(new JwksRefreshGuard(decoder, clock, properties.jwt().unknownKeyInterval()));
            jwt.setJwtAuthenticationConverter(new JwtClientConverter(registry, properties.jwt()));
        }
        return new GatewayAuthenticationManager(apiKeys, jwt, metrics);
    }

    /**
     * No Micrometer observation per security filter, authentication and authorization: they cost more CPU than the
     * authentication itself on a cheap request (measured: bench/README.md); {@code omnigate.auth.requests} counts the
     * decisions instead.
     */
    @Bean
    public SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    public SecurityErrorHandler securityErrorHandler(AuthMetrics metrics) {
        return new SecurityErrorHandler(metrics);
    }

    /** Vendor webhooks: verified by the ingress against each vendor's signature, so no client credential is read. */
    @Bean
    @Order(1)
    public SecurityFilterChain webhookFilterChain(HttpSecurity http) throws Exception {
        return stateless(http)
                .securityMatcher("/webhooks/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(2)
    public SecurityFilterChain gatewayFilterChain(HttpSecurity http, GatewayAuthenticationManager authenticationManager,
            SecurityErrorHandler errors, Environment environment, @Value("${dgs.graphql.path:/graphql}") String graphQlPath)
            throws Exception {
        RequestMatcher managementPort = managementPort(environment);
        return stateless(http)
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                        .requestMatchers(managementPort).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**", "/sandbox", "/sandbox/**").hasAuthority(Scope.ADMIN.authority())
                        .requestMatchers(HttpMethod.GET, "/graphiql", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers(HttpMethod.GET, graphQlPath).permitAll()
                        // CORS preflights carry no credential and execute nothing (spring.graphql.cors.* answers them)
                        .requestMatchers(HttpMethod.OPTIONS, graphQlPath).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(new CredentialResolver())
                        .authenticationManagerResolver(request -> authenticationManager)
                        .authenticationEntryPoint(errors)
                        .accessDeniedHandler(errors))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .build();
    }

    private static HttpSecurity stateless(HttpSecurity http) throws Exception {
        // token clients, no cookies: no session, no CSRF token, no login pages, no saved requests
        return http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
    }

    /** Requests on a separate management port ({@code management.server.port}), which the network, not a key, protects. */
    private static RequestMatcher managementPort(Environment environment) {
        int serverPort = environment.getProperty("server.port", Integer.class, 8080);
        Integer configured = environment.getProperty("management.server.port", Integer.class);
        if (configured == null || configured < 0 || configured == serverPort && serverPort != 0) {
            return request -> false;
        }
        return request -> {
            Integer actual = configured == 0 ? environment.getProperty("local.management.port", Integer.class) : configured;
            Integer main = environment.getProperty("local.server.port", Integer.class, serverPort);
            return actual != null && request.getLocalPort() == actual && !actual.equals(main);
        };
    }
}
