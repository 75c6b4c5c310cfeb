package dev.omnigate.gateway.sandbox;

import dev.omnigate.gateway.error.StartupProblemsException;
import java.util.List;

/** {@code omnigate.sandbox.faults.*} names an unknown vendor or holds a value out of range; each problem names its key. */
public final class InvalidSandboxFaultsException extends StartupProblemsException {

    public InvalidSandboxFaultsException(List<String> problems) {
        super("omnigate.sandbox.faults is invalid", problems);
    }

    @Override
    public String summary() {
        return "the sandbox's start-up faults (omnigate.sandbox.faults.*) have " + problems().size() + " problem(s)";
    }

    @Override
    public String action() {
        return "Fix the listed keys (vendors: shopify, amazon, tiktok-shop, square, zendesk; rates within 0..1; latencies not "
                + "negative; status 429 or 5xx) or remove them; config/README.md documents each.";
    }
}
