package dev.omnigate.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.gateway.connector.ConnectorRegistry;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code config/README.md} documents every gateway property and, generated, every installed connector's keys.
 * Run with {@code -Domnigate.updateDocs=true} to rewrite the generated section.
 */
final class ConfigReadmeTest {

    private static final Path README = Path.of("..", "config", "README.md");

    private static String readme() throws IOException {
        assertThat(README).as("config/README.md next to the gateway module").exists();
        return Files.readString(README, StandardCharsets.UTF_8);
    }

    @Test
    void connectorKeyReferenceIsUpToDate() throws IOException {
        String readme = readme();
        int begin = readme.indexOf(ConfigReference.BEGIN);
        int end = readme.indexOf(ConfigReference.END);
        assertThat(begin).as("the begin marker").isNotNegative();
        assertThat(end).as("the end marker").isGreaterThan(begin);
        String generated = ConfigReference.render(ConnectorRegistry.discover(List.of()).descriptors());
        String current = readme.substring(begin + ConfigReference.BEGIN.length(), end);
        if (Boolean.getBoolean("omnigate.updateDocs")) {
            String updated = readme.substring(0, begin + ConfigReference.BEGIN.length()) + generated + readme.substring(end);
            Files.writeString(README, updated, StandardCharsets.UTF_8);
            current = generated;
        }
        assertThat(current).as("the generated connector reference in config/README.md; regenerate with "
                + "./mvnw -q -o -pl gateway test -Dtest=ConfigReadmeTest -Domnigate.updateDocs=true").isEqualTo(generated);
    }

    @Test
    void everyGatewayPropertyIsDocumented() throws IOException {
        String readme = readme();
        List<String> properties = new ArrayList<>();
        collect("omnigate", OmnigateProperties.class, properties);
        collect("omnigate.security", dev.omnigate.gateway.security.SecurityProperties.class, properties);
        collect("omnigate.audit", dev.omnigate.gateway.audit.AuditProperties.class, properties);
        collect("omnigate.limits", dev.omnigate.gateway.limits.LimitsProperties.class, properties);
        properties.add("omnigate.graphiql.enabled");

        assertThat(properties).contains("omnigate.request-timeout", "omnigate.sandbox.ports", "omnigate.identity.default-region",
                "omnigate.security.jwt.client-claim", "omnigate.audit.sink");
        assertThat(properties).allSatisfy(property -> assertThat(readme).as(property).contains("`" + property + "`"));
    }

    private static void collect(String prefix, Class<?> type, List<String> properties) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            Class<?> componentType = component.getType();
            if (componentType.isRecord()) {
                collect(name, componentType, properties);
            } else {
                properties.add(componentType == Map.class ? name : name);
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
