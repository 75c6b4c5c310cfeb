package dev.omnigate.gateway.web;

import dev.omnigate.gateway.config.OmnigateProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the shape of {@code POST /graphql} JSON bodies before Spring for GraphQL reads them, and answers a
 * malformed one (not JSON, not an object, {@code query} missing or not a string, {@code variables} or
 * {@code extensions} not an object, {@code operationName} not a string) with status 400 and a GraphQL error
 * body {@code {"errors":[{"message":...,"extensions":{"code":"BAD_REQUEST"}}]}}, instead of Spring's default
 * error page and a WARN log line per request. Well-formed bodies pass through untouched (re-readable).
 */
@Component
// after Spring Security's chain (order -100): a request without a valid credential is refused before its body is read
@Order(-50)
public class GraphQlRequestBodyFilter extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String graphQlPath;
    private final int maxRequestBytes;

    public GraphQlRequestBodyFilter(@Value("${dgs.graphql.path:/graphql}") String graphQlPath, OmnigateProperties properties) {
        this.graphQlPath = graphQlPath;
        this.maxRequestBytes = (int) properties.graphql().maxRequestSize().toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return !"POST".equals(request.getMethod())
                || !graphQlPath.equals(request.getRequestURI().substring(request.getContextPath().length()))
                || contentType == null
                || !isJson(contentType);
    }

    private static boolean isJson(String contentType) {
        try {
            return MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_JSON);
        } catch (InvalidMediaTypeException e) {
            return false; // Spring answers an unreadable content type with 415
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // bounded read: the body is buffered, so an unbounded one would let any client exhaust the heap
        if (request.getContentLengthLong() > maxRequestBytes) {
            reject(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge());
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxRequestBytes + 1);
        if (body.length > maxRequestBytes) {
            reject(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge());
            return;
        }
        String problem = problemOf(body);
        if (problem != null) {
            reject(request, response, HttpServletResponse.SC_BAD_REQUEST, problem);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** What is wrong with the body, or null when its shape is a GraphQL request. */
    static String problemOf(byte[] body) {
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            return "the request body is empty; send a JSON object with a 'query' string";
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            return "the request body is not valid JSON";
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            return "the request body must be a JSON object with a 'query' string";
        }
        JsonNode query = root.get("query");
        if (query == null || query.isNull()) {
            return "the request has no 'query'";
        }
        if (!query.isString()) {
            return "'query' must be a string";
        }
        if (query.stringValue().isBlank()) {
            return "'query' must not be blank";
        }
        JsonNode variables = root.get("variables");
        if (variables != null && !variables.isNull() && !variables.isObject()) {
            return "'variables' must be a JSON object (it was a " + variables.getNodeType().name().toLowerCase() + ")";
        }
        JsonNode operationName = root.get("operationName");
        if (operationName != null && !operationName.isNull() && !operationName.isString()) {
            return "'operationName' must be a string";
        }
        JsonNode extensions = root.get("extensions");
        if (extensions != null && !extensions.isNull() && !extensions.isObject()) {
            return "'extensions' must be a JSON object";
        }
        return null;
    }

    private String tooLarge() {
        return "the request body exceeds the limit of " + maxRequestBytes + " bytes (omnigate.graphql.max-request-size)";
    }

    private static void reject(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        ErrorBodies.write(request, response, status, "BAD_REQUEST", message, Map.of());
    }

    /** Replays a body that was already read. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already buffered");
                }

                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
