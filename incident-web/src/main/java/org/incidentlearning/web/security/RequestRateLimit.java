package org.incidentlearning.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.lang.NonNull;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A per-principal request budget (OWASP API4): {@code requests-per-minute} tokens that refill continuously, so a
 * flood from one client is answered 429 with {@code Retry-After} while other clients go on. Requests without a
 * credential, and refused credentials, are budgeted by client address. Every answer carries {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset}. Buckets are Bucket4j's, kept per principal in a bounded
 * cache.
 */
public class RequestRateLimit extends OncePerRequestFilter {

    static final String LIMIT = "RateLimit-Limit";
    static final String REMAINING = "RateLimit-Remaining";
    static final String RESET = "RateLimit-Reset";
    /** The budget refills completely over this period, so no client waits longer than it (plus a second). */
    static final Duration REFILL_PERIOD = Duration.ofMinutes(1);

    private final long requestsPerMinute;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    RequestRateLimit(long requestsPerMinute) {
        if (requestsPerMinute < 1) {
            throw new IllegalStateException("incident.security.rate-limit.requests-per-minute must be at least 1");
        }
        this.requestsPerMinute = requestsPerMinute;
    }

    @Override
    protected boolean shouldNotFilter(@NonNull HttpServletRequest request) {
        // Load balancers probe health often, from one address, without credentials.
        return request.getRequestURI().startsWith("/actuator/health");
    }

    @Override
    protected void doFilterInternal(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                                    @NonNull FilterChain chain) throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        String client = authentication instanceof IncidentAuthentication principal
                ? "principal:" + principal.getName() : addressOf(request);
        if (admit(request, response, client)) {
            chain.doFilter(request, response);
        }
    }

    /** Takes one request from the client's budget; over it, answers 429 and returns false. */
    boolean admit(HttpServletRequest request, HttpServletResponse response, String client) throws IOException {
        ConsumptionProbe probe = buckets.get(client, any -> newBucket()).tryConsumeAndReturnRemaining(1);
        long resetSeconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(
                probe.isConsumed() ? probe.getNanosToWaitForReset() : probe.getNanosToWaitForRefill()) + 1);
        response.setHeader(LIMIT, Long.toString(requestsPerMinute));
        response.setHeader(REMAINING, Long.toString(probe.getRemainingTokens()));
        response.setHeader(RESET, Long.toString(resetSeconds));
        if (probe.isConsumed()) {
            return true;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(resetSeconds));
        Problems.write(Problems.of(ErrorCode.RATE_LIMITED, "More than " + requestsPerMinute
                + " requests per minute; retry after " + resetSeconds + " s"), request, response);
        return false;
    }

    static String addressOf(HttpServletRequest request) {
        return "address:" + request.getRemoteAddr();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(requestsPerMinute).refillGreedy(requestsPerMinute,
                        REFILL_PERIOD))
                .build();
    }
}
