package dev.omnigate.gateway.config;

import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.ConnectorFactory;
import dev.omnigate.connector.api.config.ConfigKey;
import dev.omnigate.connector.api.config.ConfigProblem;
import dev.omnigate.connector.api.config.ConfigValidation;
import dev.omnigate.connector.api.config.ConnectorConfig;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.gateway.connector.ConnectorAccount;
import dev.omnigate.gateway.connector.ConnectorAccounts;
import dev.omnigate.gateway.connector.ConnectorRegistry;
import dev.omnigate.gateway.connector.HostConnectorContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * Validates every account of every {@link StoreConfigSource} against the installed connectors and creates
 * the live {@link ConnectorAccounts}, or refuses with one {@link InvalidStoreConfigException} listing every
 * problem of every account: malformed or duplicate ids, unknown connectors, unresolved {@code ${VAR}}
 * placeholders, every {@link dev.omnigate.connector.api.config.ConfigSpec} problem, connectors that refuse
 * their configuration in {@code create}, and connectors whose capabilities and accessors disagree.
 *
 * <p>Secrets never reach a message: ConfigSpec hides secret values, placeholders are named rather than
 * resolved in messages, and any text coming from a connector's exception has the account's secret values
 * masked.
 */
public final class StoreAccountsFactory {

    /** Store and account ids: lower-case letters, digits and dashes (they appear in global ids and URLs). */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Logger LOG = LoggerFactory.getLogger(StoreAccountsFactory.class);

    private final ConnectorRegistry registry;
    private final PlaceholderResolver placeholders;
    private final Clock clock;

    public StoreAccountsFactory(ConnectorRegistry registry, Environment environment, Clock clock) {
        this.registry = registry;
        this.placeholders = new PlaceholderResolver(environment);
        this.clock = clock;
    }

    private record Validated(AccountDefinition definition, ConnectorFactory factory, ConnectorConfig config, List<String> secrets) {
    }

    /** Validates everything, then creates every enabled account; all or nothing. */
    public ConnectorAccounts create(List<StoreConfigSource> sources) {
        List<StoreConfigProblem> problems = new ArrayList<>();
        List<AccountDefinition> definitions = new ArrayList<>();
        for (StoreConfigSource source : sources) {
            problems.addAll(source.problems());
            definitions.addAll(source.accounts());
        }
        checkDuplicates(definitions, problems);

        List<Validated> valid = new ArrayList<>();
        for (AccountDefinition definition : definitions) {
            validate(definition, problems).ifPresent(valid::add);
        }

        List<ConnectorAccount> created = new ArrayList<>();
        for (Validated account : valid) {
            createOne(account, problems).ifPresent(created::add);
        }
        if (!problems.isEmpty()) {
            created.forEach(account -> account.connector().close());
            throw new InvalidStoreConfigException(problems);
        }
        return new ConnectorAccounts(created);
    }

    private static void checkDuplicates(List<AccountDefinition> definitions, List<StoreConfigProblem> problems) {
        Map<String, List<AccountDefinition>> byId = new LinkedHashMap<>();
        definitions.forEach(definition -> byId.computeIfAbsent(definition.accountId(), id -> new ArrayList<>()).add(definition));
        byId.forEach((id, sameId) -> {
            if (sameId.size() > 1) {
                List<String> places = sameId.stream().map(definition -> definition.origin() + " (store '" + definition.storeId() + "')").toList();
                problems.add(new StoreConfigProblem(sameId.get(1).origin(), sameId.get(1).storeId(), id, null,
                        "the account id is defined " + sameId.size() + " times (account ids are unique over all stores): "
                                + String.join(", ", places)));
            }
        });
    }

    private java.util.Optional<Validated> validate(AccountDefinition definition, List<StoreConfigProblem> problems) {
        int before = problems.size();
        String origin = definition.origin();
        String store = definition.storeId();
        String account = definition.accountId();
        if (!ID.matcher(store).matches()) {
            problems.add(new StoreConfigProblem(origin, store, null, null,
                    "store ids must be lower-case letters, digits and dashes (at most 63 characters)"));
        }
        if (!ID.matcher(account).matches()) {
            problems.add(new StoreConfigProblem(origin, store, account, null,
                    "account ids must be lower-case letters, digits and dashes (at most 63 characters)"));
        }
        definition.problems().forEach(message -> problems.add(new StoreConfigProblem(origin, store, account, null, message)));
        if (!definition.enabled()) {
            return java.util.Optional.empty();
        }
        if (definition.connectorId() == null) {
            problems.add(new StoreConfigProblem(origin, store, account, null,
                    "'connector' is required; installed connectors are " + registry.connectorIds()));
            return java.util.Optional.empty();
        }
        ConnectorFactory factory = registry.factory(definition.connectorId()).orElse(null);
        if (factory == null) {
            problems.add(new StoreConfigProblem(origin, store, account, null,
                    "unknown connector '" + definition.connectorId() + "'; installed connectors are " + registry.connectorIds()));
            return java.util.Optional.empty();
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        java.util.Set<String> unresolved = new java.util.HashSet<>();
        definition.rawConfig().forEach((key, raw) -> {
            PlaceholderResolver.Resolved value = placeholders.resolve(raw);
            for (String missing : value.missing()) {
                problems.add(new StoreConfigProblem(origin, store, account, key, "references ${" + missing
                        + "}, which is not set (export it as an environment variable or define it as a property)"));
            }
            if (value.missing().isEmpty()) {
                resolved.put(key, value.value());
            } else {
                unresolved.add(key);
            }
        });
        // validate the rest too, so one start lists every problem; an unresolved key is already reported
        ConfigValidation validation = factory.descriptor().configSpec().validate(resolved);
        for (ConfigProblem problem : validation.problems()) {
            if (!unresolved.contains(problem.key())) {
                problems.add(new StoreConfigProblem(origin, store, account, problem.key(), problem.message()));
            }
        }
        if (!validation.isValid() || problems.size() > before) {
            return java.util.Optional.empty();
        }
        ConnectorConfig config = validation.orElseThrow();
        List<String> secrets = new ArrayList<>();
        for (ConfigKey key : factory.descriptor().configSpec().keys()) {
            if (key.isSecret() && config.isSet(key.name()) && !config.secret(key.name()).reveal().isEmpty()) {
                secrets.add(config.secret(key.name()).reveal());
            }
        }
        return java.util.Optional.of(new Validated(definition, factory, config, secrets));
    }

    private java.util.Optional<ConnectorAccount> createOne(Validated validated, List<StoreConfigProblem> problems) {
        AccountDefinition definition = validated.definition();
        String connectorId = definition.connectorId();
        Connector connector;
        try {
            connector = validated.factory().create(validated.config(), new HostConnectorContext(definition.accountId(), clock));
        } catch (ConnectorException e) {
            problems.add(problem(definition, "connector '" + connectorId + "' refused the configuration: "
                    + mask(e.getMessage(), validated.secrets())));
            return java.util.Optional.empty();
        } catch (RuntimeException e) {
            LOG.debug("creating account {} failed with {}", definition.accountId(), e.getClass().getName());
            problems.add(problem(definition, "connector '" + connectorId + "' failed to create the account: "
                    + e.getClass().getSimpleName() + ": " + mask(String.valueOf(e.getMessage()), validated.secrets())));
            return java.util.Optional.empty();
        }
        if (connector == null) {
            problems.add(problem(definition, "connector '" + connectorId + "' returned no connector from create()"));
            return java.util.Optional.empty();
        }
        List<String> lies = ConnectorRegistry.capabilityProblems(validated.factory().descriptor(), connector);
        if (!lies.isEmpty()) {
            connector.close();
            for (String lie : lies) {
                problems.add(problem(definition, "connector '" + connectorId + "' is inconsistent: it " + lie));
            }
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ConnectorAccount(definition.storeId(), definition.accountId(),
                validated.factory().descriptor(), connector));
    }

    private static StoreConfigProblem problem(AccountDefinition definition, String message) {
        return new StoreConfigProblem(definition.origin(), definition.storeId(), definition.accountId(), null, message);
    }

    /** {@code text} with every secret value replaced by {@code ******}. */
    static String mask(String text, List<String> secrets) {
        String masked = text == null ? "" : text;
        for (String secret : secrets) {
            masked = masked.replace(secret, "******");
        }
        return masked;
    }
}
