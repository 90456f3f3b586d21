package org.redteam4j.app.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.eclipse.jetty.util.MultiMap;
import org.eclipse.jetty.util.UrlEncoded;

/**
 * Holds every request body to {@link #LIMIT} bytes, announced or not. Javalin refuses a large
 * {@code Content-Length}, but a chunked body has none and used to be read whole: such a body is
 * read here up to the limit, refused with 413 past it, and otherwise handed on as a body of known
 * length (its form fields parsed from the same bytes).
 */
final class BodyLimit implements Filter {

    /** The largest body the workbench takes: Javalin's own limit for announced bodies. */
    static final int LIMIT = 1_000_000;
    static final int STATUS = 413;
    static final String MESSAGE = "the request body is larger than " + LIMIT + " bytes";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        if (http.getContentLengthLong() >= 0 || http.getHeader("Transfer-Encoding") == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = http.getInputStream().readNBytes(LIMIT + 1);
        if (body.length > LIMIT) {
            refuse(http, (HttpServletResponse) response);
            return;
        }
        chain.doFilter(new KnownBody(http, body), response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(STATUS);
        response.setHeader("Connection", "close"); // the rest of the body is not read
        if (FailureResponses.isApi(request.getRequestURI())) {
            response.setContentType("application/json");
            response.getWriter().write("{\"error\": \"" + MESSAGE + "\"}");
        } else {
            response.setContentType("text/plain; charset=utf-8");
            response.getWriter().write(MESSAGE);
        }
    }

    /** The request with its body read: the same bytes for the stream, the reader and form fields. */
    private static final class KnownBody extends HttpServletRequestWrapper {
        private final byte[] body;
        private MultiMap<String> parameters;

        KnownBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getParameter(String name) {
            return parameters().getValue(name, 0);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters().toStringArrayMap();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters().keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters().containsKey(name) ? parameters().getValues(name).toArray(new String[0]) : null;
        }

        private MultiMap<String> parameters() {
            if (parameters == null) {
                parameters = new MultiMap<>();
                if (getQueryString() != null) {
                    UrlEncoded.decodeTo(getQueryString(), parameters, StandardCharsets.UTF_8);
                }
                if (String.valueOf(getContentType()).startsWith("application/x-www-form-urlencoded")) {
                    UrlEncoded.decodeTo(new String(body, StandardCharsets.UTF_8), parameters, StandardCharsets.UTF_8);
                }
            }
            return parameters;
        }
    }
}
