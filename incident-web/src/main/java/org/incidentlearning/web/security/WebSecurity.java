package org.incidentlearning.web.security;

import jakarta.servlet.DispatcherType;
import org.incidentlearning.web.ServiceHeaders;
import org.incidentlearning.web.WebSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.time.Duration;
import java.util.List;

/**
 * Who may call what. Stateless: every request carries its credential ({@code Authorization: Bearer}), an API key or,
 * in JWT mode, an identity provider's token. Everything not listed here is denied.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebSettings.class)
public class WebSecurity {

    /** The views built from events: what teams, facilitators, auditors and dashboards read. */
    static final String[] VIEWS = {"/api/incidents", "/api/incidents/**", "/api/hotspots", "/api/teams/**",
            "/api/map", "/api/remediations", "/api/learning/**", "/api/search", "/api/templates", "/api/templates/**",
            "/api/stream/**"};
    /** The events as stored, and what is derived from them byte for byte: auditors only. */
    static final String[] RAW_EVENTS = {"/api/events", "/api/export", "/api/verification",
            "/api/incidents/*/events", "/api/incidents/*/verification"};
    /** Where API keys and projections are managed: ADMIN changes, ADMIN and AUDITOR read. */
    static final String ADMIN_AREA = "/api/admin/**";
    /** What teams and facilitators record. */
    static final String[] COMMANDS = {"/api/incidents", "/api/incidents/**", "/api/templates", "/api/templates/**"};
    /** Who may send commands. */
    private static final String[] RECORDERS = {Role.TEAM.name(), Role.FACILITATOR.name()};

    /** The security part of the edge's settings, for the beans that need only it. */
    @Bean
    SecuritySettings securitySettings(WebSettings settings) {
        return settings.security();
    }

    @Bean
    ApiKeys apiKeys(SecuritySettings settings, StoredApiKeys stored) {
        return new ApiKeys(settings.apiKeys(), settings.requireStrongKeys(), stored);
    }

    @Bean
    RequestRateLimit requestRateLimit(SecuritySettings settings) {
        return new RequestRateLimit(settings.rateLimit().requestsPerMinute());
    }

    /** Also Spring Security's firewall refusal handler, found by its type. */
    @Bean
    SecurityProblems securityProblems(RequestRateLimit rateLimit) {
        return new SecurityProblems(rateLimit);
    }

    /** The rate limit runs inside the security chain, after authentication, not as a servlet filter of its own. */
    @Bean
    FilterRegistrationBean<RequestRateLimit> rateLimitOutsideTheChain(RequestRateLimit rateLimit) {
        FilterRegistrationBean<RequestRateLimit> registration = new FilterRegistrationBean<>(rateLimit);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    SecurityFilterChain incidentSecurity(HttpSecurity http, SecuritySettings settings, ApiKeys apiKeys,
                                         SecurityProblems problems, RequestRateLimit rateLimit,
                                         ObjectProvider<JwtDecoder> jwtDecoder,
                                         ObjectProvider<AdditionalCommandPaths> additionalCommandPaths)
            throws Exception {
        http.csrf(AbstractHttpConfigurer::disable) // no cookies or sessions: nothing a forged request could ride on
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(cors -> cors.configurationSource(cors(settings.allowedOrigins())))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                // Written before the handler runs: a streamed answer commits on another thread, which would
                // otherwise race the headers written after the chain and drop some of them.
                .headers(headers -> headers.withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                            @Override
                            public <F extends HeaderWriterFilter> F postProcess(F filter) {
                                filter.setShouldWriteHeadersEagerly(true);
                                return filter;
                            }
                        })
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; "
                                + "img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; "
                                + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny()))
                .authorizeHttpRequests(requests -> {
                    requests
                        // The original request was authorized; its error page and async completion inherit that.
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        // The dashboard page and its scripts are public; the data it shows needs the viewer's key.
                        .requestMatchers(HttpMethod.GET, "/", "/dashboard", "/dashboard/**", "/webjars/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, RAW_EVENTS).hasRole(Role.AUDITOR.name())
                        .requestMatchers(HttpMethod.GET, ADMIN_AREA)
                        .hasAnyRole(Role.ADMIN.name(), Role.AUDITOR.name())
                        .requestMatchers(HttpMethod.POST, ADMIN_AREA, "/api/imports/**", "/api/import")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, VIEWS).hasAnyRole(Role.TEAM.name(),
                                Role.FACILITATOR.name(), Role.AUDITOR.name(), Role.DASHBOARD.name())
                        .requestMatchers(HttpMethod.POST, COMMANDS).hasAnyRole(RECORDERS);
                    additionalCommandPaths.orderedStream().forEach(more -> requests
                            .requestMatchers(HttpMethod.POST, more.paths().toArray(String[]::new))
                            .hasAnyRole(RECORDERS));
                    requests.anyRequest().denyAll();
                });
        AuthenticationManager credentials = settings.mode() == SecuritySettings.Mode.JWT ? tokens(settings,
                jwtDecoder.getIfAvailable()) : apiKeys;
        http.oauth2ResourceServer(server -> server.authenticationEntryPoint(problems)
                .accessDeniedHandler(problems)
                .authenticationManagerResolver(request -> credentials));
        http.addFilterAfter(rateLimit, BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /**
     * JWT mode accepts the identity provider's tokens only. The manager has no parent, so a token that fails is not
     * tried as an API key.
     */
    private static AuthenticationManager tokens(SecuritySettings settings, JwtDecoder decoder) {
        if (decoder == null) {
            throw new IllegalStateException("incident.security.mode=jwt needs the identity provider's keys: set "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri, .jwk-set-uri or .public-key-location");
        }
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(new TokenPrincipals(settings.jwt()));
        return new ProviderManager(provider);
    }

    private static UrlBasedCorsConfigurationSource cors(List<String> allowedOrigins) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!allowedOrigins.isEmpty()) {
            CorsConfiguration configuration = new CorsConfiguration();
            configuration.setAllowedOrigins(allowedOrigins);
            configuration.setAllowedMethods(List.of("GET", "POST"));
            configuration.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
                    ServiceHeaders.IDEMPOTENCY_KEY, HttpHeaders.IF_MATCH, ServiceHeaders.CORRELATION_ID,
                    ServiceHeaders.LAST_EVENT_ID));
            configuration.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.RETRY_AFTER,
                    RequestRateLimit.LIMIT, RequestRateLimit.REMAINING, RequestRateLimit.RESET,
                    ServiceHeaders.CORRELATION_ID));
            configuration.setMaxAge(Duration.ofHours(1));
            source.registerCorsConfiguration("/api/**", configuration);
        }
        return source;
    }
}
