package org.incidentlearning.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.incidentlearning.kernel.error.ErrorCode;
import org.springframework.lang.NonNull;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses request bodies over {@code incident.max-request-bytes} with 413 ({@code incident.max-import-bytes} for a
 * whole-store import): by their declared length before anything is read, and by counting while they are read when no
 * length was declared.
 */
@Component
public class RequestSizeLimit extends OncePerRequestFilter {

    static final String STORE_IMPORT = "/api/import";

    private final long maxRequestBytes;
    private final long maxImportBytes;

    public RequestSizeLimit(WebSettings settings) {
        this.maxRequestBytes = settings.maxRequestBytes().toBytes();
        this.maxImportBytes = settings.maxImportBytes().toBytes();
    }

    long maxRequestBytes() {
        return maxRequestBytes;
    }

    @Override
    protected void doFilterInternal(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                                    @NonNull FilterChain chain) throws ServletException, IOException {
        long maxBytes = STORE_IMPORT.equals(request.getRequestURI()) ? maxImportBytes : maxRequestBytes;
        if (request.getContentLengthLong() > maxBytes) {
            Problems.write(Problems.of(ErrorCode.REQUEST_TOO_LARGE, limitMessage(maxBytes)), request, response);
            return;
        }
        chain.doFilter(new CountedRequest(request, maxBytes), response);
    }

    private static String limitMessage(long maxBytes) {
        return "The request body is larger than " + maxBytes + " bytes";
    }

    /** Thrown while reading a body that turns out to be too large; the problem advice answers 413. */
    public static class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    private static final class CountedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream counted;

        CountedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new CountedStream(super.getInputStream(), maxBytes);
            }
            return counted;
        }
    }

    private static final class CountedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        CountedStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(@NonNull byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > maxBytes) {
                throw new TooLarge(limitMessage(maxBytes));
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
