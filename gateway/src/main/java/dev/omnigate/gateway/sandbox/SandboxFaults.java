package dev.omnigate.gateway.sandbox;

import dev.omnigate.gateway.config.OmnigateProperties;
import dev.omnigate.simulator.faults.FaultControls;
import dev.omnigate.simulator.faults.FaultSettings;
import dev.omnigate.simulator.faults.InvalidFaultException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Translates fault settings between the gateway's two ways of setting them and the simulator's {@link FaultSettings}:
 * the {@code omnigate.sandbox.faults.<vendor>.*} properties (checked at start, every problem listed with its key) and
 * the JSON bodies of {@code PUT /sandbox/faults/{vendor}} (the first problem, naming the field).
 */
final class SandboxFaults {

    /** The JSON fields a PUT body may hold, as {@link FaultSettings} names them. */
    static final List<String> FIELDS = List.of("latencyMs", "jitterMs", "errorRate", "status", "retryAfterSeconds", "resetRate",
            "malformedRate", "down");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SandboxFaults() {
    }

    /**
     * The start-up faults of {@code omnigate.sandbox.faults}.
     *
     * @throws InvalidSandboxFaultsException listing each unknown vendor and each value out of range, by property key
     */
    static Map<String, FaultSettings> fromProperties(Map<String, OmnigateProperties.SandboxFault> properties) {
        Map<String, FaultSettings> settings = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        properties.forEach((vendor, fault) -> {
            String prefix = "omnigate.sandbox.faults." + vendor;
            if (!FaultControls.VENDORS.contains(vendor)) {
                problems.add(prefix + ": unknown vendor '" + vendor + "'; the sandbox simulates " + FaultControls.VENDORS);
                return;
            }
            try {
                settings.put(vendor, new FaultSettings(fault.latencyMs(), fault.jitterMs(), fault.errorRate(), fault.status(),
                        fault.retryAfterSeconds(), fault.resetRate(), fault.malformedRate(), fault.down()));
            } catch (InvalidFaultException e) {
                problems.add(prefix + "." + kebab(e.field()) + e.getMessage().substring(e.field().length()));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidSandboxFaultsException(problems);
        }
        return settings;
    }

    /**
     * The settings a PUT body asks for: absent fields take their defaults (no fault, status 503, Retry-After 1 s).
     *
     * @throws InvalidFaultException naming the field: unknown, of the wrong type, or out of range
     */
    static FaultSettings fromJson(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidFaultException("body", "is not JSON; send an object such as {\"latencyMs\": 50, \"errorRate\": 0.2}");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidFaultException("body", "must be a JSON object such as {\"down\": true}");
        }
        long latencyMs = 0;
        long jitterMs = 0;
        double errorRate = 0;
        int status = FaultSettings.DEFAULT_STATUS;
        long retryAfterSeconds = FaultSettings.DEFAULT_RETRY_AFTER_SECONDS;
        double resetRate = 0;
        double malformedRate = 0;
        boolean down = false;
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            switch (name) {
                case "latencyMs" -> latencyMs = whole(name, value);
                case "jitterMs" -> jitterMs = whole(name, value);
                case "retryAfterSeconds" -> retryAfterSeconds = whole(name, value);
                case "status" -> status = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, whole(name, value)));
                case "errorRate" -> errorRate = number(name, value);
                case "resetRate" -> resetRate = number(name, value);
                case "malformedRate" -> malformedRate = number(name, value);
                case "down" -> {
                    if (!value.isBoolean()) {
                        throw new InvalidFaultException(name, "must be true or false");
                    }
                    down = value.booleanValue();
                }
                default -> throw new InvalidFaultException(name, "is not a known field; known fields: " + FIELDS);
            }
        }
        return new FaultSettings(latencyMs, jitterMs, errorRate, status, retryAfterSeconds, resetRate, malformedRate, down);
    }

    /** The JSON form of settings, the same fields a PUT body takes. */
    static Map<String, Object> toJson(FaultSettings settings) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("latencyMs", settings.latencyMs());
        json.put("jitterMs", settings.jitterMs());
        json.put("errorRate", settings.errorRate());
        json.put("status", settings.status());
        json.put("retryAfterSeconds", settings.retryAfterSeconds());
        json.put("resetRate", settings.resetRate());
        json.put("malformedRate", settings.malformedRate());
        json.put("down", settings.down());
        return json;
    }

    private static long whole(String name, JsonNode value) {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidFaultException(name, "must be a whole number, was " + value);
        }
        return value.longValue();
    }

    private static double number(String name, JsonNode value) {
        if (!value.isNumber()) {
            throw new InvalidFaultException(name, "must be a number within 0..1, was " + value);
        }
        return value.doubleValue();
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
