package dev.omnigate.gateway.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit record's JSON line: {@code {"time","client","clientName","authMethod","requestId","operation","transport",
 * "customers","customersTruncated","classes","fields"}}, one object per line, UTF-8, keys always in this order, absent
 * values as {@code null}. Documented in the README ("What is audited").
 */
public final class AuditJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AuditJson() {
    }

    /** The record as one line of JSON (no line break). */
    public static String line(PiiAuditRecord record) {
        return JSON.writeValueAsString(fields(record));
    }

    /** The record's fields in their documented order (the Redis stream entry uses the same names). */
    public static Map<String, Object> fields(PiiAuditRecord record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("time", record.time().toString());
        fields.put("client", record.client());
        fields.put("clientName", record.clientName());
        fields.put("authMethod", record.authMethod());
        fields.put("requestId", record.requestId());
        fields.put("operation", record.operation());
        fields.put("transport", record.transport());
        fields.put("customers", record.customers());
        fields.put("customersTruncated", record.customersTruncated());
        fields.put("classes", record.classes());
        fields.put("fields", record.fields());
        return fields;
    }
}
