package dev.omnigate.gateway.error;

/**
 * The client's request is invalid (a malformed global id, a page size out of range, two arguments where one
 * is allowed ...). Thrown before any connector is called; becomes a GraphQL error with
 * {@code extensions.code: BAD_REQUEST} and this message, which therefore names what is wrong and never
 * contains PII or secrets.
 */
public final class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
