package dev.omnigate.gateway.sandbox;

import dev.omnigate.simulator.faults.FaultControls;
import dev.omnigate.simulator.faults.FaultSettings;
import dev.omnigate.simulator.faults.InvalidFaultException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox's fault controls over HTTP; exists only in sandbox mode (otherwise {@code /sandbox/faults} is a 404).
 * <ul>
 *   <li>{@code GET /sandbox/faults}: every vendor's current settings and request counters;</li>
 *   <li>{@code PUT /sandbox/faults/{vendor}} with a JSON object ({@code {"down": true}},
 *       {@code {"latencyMs": 50, "errorRate": 0.2, "status": 503}}): replaces that vendor's settings (absent fields: no
 *       fault) and answers them;</li>
 *   <li>{@code DELETE /sandbox/faults}: clears every vendor's faults (204).</li>
 * </ul>
 * Bad input (unknown vendor or field, a rate outside 0..1, a negative latency, a status other than 429/5xx, a body
 * that is not a JSON object) answers 400 {@code {"error": "...", "field": "..."}} naming the field, never a 500.
 */
@RestController
@RequestMapping(path = "/sandbox/faults", produces = MediaType.APPLICATION_JSON_VALUE)
@ConditionalOnProperty(name = "omnigate.sandbox.enabled", havingValue = "true")
public class SandboxFaultsController {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxFaultsController.class);

    private final FaultControls controls;

    public SandboxFaultsController(SandboxStoreConfigSource sandbox) {
        this.controls = sandbox.sandbox().faults();
    }

    @GetMapping
    public Map<String, Object> all() {
        Map<String, Object> vendors = new LinkedHashMap<>();
        controls.all().forEach((vendor, settings) -> vendors.put(vendor, view(vendor, settings)));
        return Map.of("vendors", vendors);
    }

    @PutMapping("/{vendor}")
    public ResponseEntity<Map<String, Object>> put(@PathVariable String vendor, @RequestBody(required = false) String body) {
        try {
            FaultControls.requireVendor(vendor);
            FaultSettings settings = SandboxFaults.fromJson(body);
            controls.set(vendor, settings);
            LOG.info("sandbox faults for {} set to {}", vendor, settings);
            return ResponseEntity.ok(view(vendor, settings));
        } catch (InvalidFaultException e) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error", e.getMessage());
            error.put("field", e.field());
            return ResponseEntity.badRequest().body(error);
        }
    }

    @DeleteMapping
    public ResponseEntity<Void> clear() {
        controls.clear();
        LOG.info("sandbox faults cleared");
        return ResponseEntity.noContent().build();
    }

    private Map<String, Object> view(String vendor, FaultSettings settings) {
        Map<String, Object> view = SandboxFaults.toJson(settings);
        view.put("requests", controls.requests(vendor));
        view.put("injected", controls.injected(vendor));
        return view;
    }
}
