package dev.omnigate.connector.toolkit.http;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Executes one vendor HTTP call within a {@link CallContext}'s deadline and turns transport failures
 * into categorised {@link ConnectorException}s. Never logs or reports the URL's query (it may carry
 * signatures or tokens).
 */
public final class HttpCalls {

    /** Bodies larger than this are refused as {@code BAD_RESPONSE} rather than read into memory. */
    public static final long MAX_BODY_BYTES = 32L * 1024 * 1024;

    private HttpCalls() {
    }

    /**
     * Sends {@code request} and reads the whole answer, whatever its status.
     *
     * @param operation names the call in error messages, e.g. {@code shopify orders.byIds}
     * @throws ConnectorException {@code TIMEOUT} when the deadline passes before or during the call,
     *     {@code UNAVAILABLE} when the connection fails, {@code BAD_RESPONSE} for an oversized body
     */
    public static VendorResponse execute(OkHttpClient client, Request request, CallContext context, String operation) {
        Duration remaining = context.remaining();
        if (remaining.isZero()) {
            throw ConnectorException.of(ErrorCategory.TIMEOUT, operation + ": deadline passed before the call was sent");
        }
        Call call = client.newCall(request);
        // the whole call (connect, write, read) must finish within the caller's remaining time
        call.timeout().timeout(Math.max(1, remaining.toMillis()), TimeUnit.MILLISECONDS);
        try (Response response = call.execute()) {
            ResponseBody body = response.body();
            byte[] bytes = body == null ? new byte[0] : readBounded(body, operation);
            return new VendorResponse(operation, response.code(), response.headers(), bytes);
        } catch (InterruptedIOException e) {
            throw ConnectorException.builder(ErrorCategory.TIMEOUT,
                    operation + ": no answer from " + request.url().host() + " within the deadline of "
                            + remaining.toMillis() + " ms").cause(e).build();
        } catch (UnknownHostException e) {
            throw ConnectorException.builder(ErrorCategory.UNAVAILABLE,
                    operation + ": cannot resolve host " + request.url().host()).cause(e).build();
        } catch (ConnectException e) {
            throw ConnectorException.builder(ErrorCategory.UNAVAILABLE,
                    operation + ": cannot connect to " + request.url().host() + ":" + request.url().port()).cause(e).build();
        } catch (IOException e) {
            ErrorCategory category = context.isExpired() ? ErrorCategory.TIMEOUT : ErrorCategory.UNAVAILABLE;
            throw ConnectorException.builder(category,
                    operation + ": transport failure talking to " + request.url().host() + " (" + transportFailure(e) + ")")
                    .cause(e).build();
        }
    }

    /** What went wrong on the wire, in words a client may read (no exception class names; the cause keeps those). */
    static String transportFailure(IOException e) {
        return switch (e) {
            case EOFException eof -> "the connection closed before the answer was complete";
            case SSLException tls -> "TLS failure";
            case SocketException socket -> "the connection failed or was reset";
            case ProtocolException protocol -> "malformed HTTP answer";
            default -> "I/O failure";
        };
    }

    private static byte[] readBounded(ResponseBody body, String operation) throws IOException {
        long declared = body.contentLength();
        if (declared > MAX_BODY_BYTES) {
            throw ConnectorException.of(ErrorCategory.BAD_RESPONSE,
                    operation + ": response body of " + declared + " bytes exceeds the " + MAX_BODY_BYTES + " byte limit");
        }
        okio.BufferedSource source = body.source();
        if (!source.request(MAX_BODY_BYTES + 1)) {
            return source.getBuffer().readByteArray();
        }
        throw ConnectorException.of(ErrorCategory.BAD_RESPONSE,
                operation + ": response body exceeds the " + MAX_BODY_BYTES + " byte limit");
    }
}
