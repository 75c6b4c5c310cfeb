package dev.omnigate.gateway.resilience;

import static java.util.Objects.requireNonNull;

import dev.omnigate.gateway.connector.ConnectorAccount;
import dev.omnigate.gateway.resilience.ResilienceProperties.Limit;
import dev.omnigate.gateway.resilience.ResilienceProperties.Profile;
import dev.omnigate.gateway.resilience.VendorProfiles.RateLimit;
import dev.omnigate.gateway.resilience.VendorProfiles.VendorProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rate limits and bulkhead size of every account, from the built-in {@link VendorProfiles}, the configured profiles
 * and the per-account overrides. Made once at startup for the configured accounts: any unusable value (a zero or
 * negative limit or period, an unknown profile name, an override for an account that does not exist) stops startup
 * with {@link InvalidResilienceSettingsException} naming every key and value. Accounts seen later (tests that build
 * their own) get their connector's profile. Thread-safe.
 */
public final class ResiliencePlan {

    private static final String PREFIX = "omnigate.resilience.";

    /**
     * What one account gets.
     *
     * @param profile the name of the vendor profile used
     * @param rateLimit the limit of all its calls together, if any
     * @param operations limits of single operations
     * @param maxConcurrentCalls its bulkhead size
     */
    public record AccountPlan(String profile, Optional<RateLimit> rateLimit, Map<String, RateLimit> operations, int maxConcurrentCalls) {

        public AccountPlan {
            requireNonNull(profile, "profile is null");
            requireNonNull(rateLimit, "rateLimit is null");
            operations = Map.copyOf(operations);
        }
    }

    private final ResilienceProperties properties;
    private final boolean sandbox;
    private final Map<String, VendorProfile> profiles;
    private final Map<String, AccountPlan> plans = new ConcurrentHashMap<>();

    private ResiliencePlan(ResilienceProperties properties, boolean sandbox, Map<String, VendorProfile> profiles) {
        this.properties = properties;
        this.sandbox = sandbox;
        this.profiles = profiles;
    }

    /**
     * Resolves and checks the settings for the given accounts.
     *
     * @param sandbox whether the gateway runs the sandbox ({@code <connector>-sandbox} profiles apply)
     * @throws InvalidResilienceSettingsException listing every problem
     */
    public static ResiliencePlan of(ResilienceProperties properties, Collection<ConnectorAccount> accounts, boolean sandbox) {
        List<String> problems = new ArrayList<>();
        Map<String, VendorProfile> profiles = new LinkedHashMap<>(VendorProfiles.builtIn());
        new java.util.TreeMap<>(properties.rateLimit().profiles()).forEach((name, configured) -> {
            VendorProfile merged = merge(profiles.get(name), configured, PREFIX + "rate-limit.profiles." + name, problems);
            if (merged != null) {
                profiles.put(name, merged);
            }
        });
        String fallback = properties.rateLimit().unknownConnectorProfile();
        if (!profiles.containsKey(fallback)) {
            problems.add(PREFIX + "rate-limit.unknown-connector-profile names no vendor profile: '" + fallback + "' (known: "
                    + new TreeSet<>(profiles.keySet()) + ")");
        }
        ResiliencePlan plan = new ResiliencePlan(properties, sandbox, Map.copyOf(profiles));
        Map<String, ConnectorAccount> byId = new LinkedHashMap<>();
        accounts.forEach(account -> byId.put(account.accountId(), account));
        new java.util.TreeMap<>(properties.accounts()).forEach((accountId, override) -> {
            if (!byId.containsKey(accountId)) {
                problems.add(PREFIX + "accounts." + accountId + " is set, but no account '" + accountId + "' is configured (accounts: "
                        + new TreeSet<>(byId.keySet()) + ")");
            }
        });
        if (problems.isEmpty()) {
            for (ConnectorAccount account : byId.values()) {
                plan.resolve(account.accountId(), account.connectorId(), problems).ifPresent(resolved -> plan.plans.put(account.accountId(), resolved));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidResilienceSettingsException(problems);
        }
        return plan;
    }

    /** The plan of an account (resolved now for an account that was not configured at startup). */
    public AccountPlan of(ConnectorAccount account) {
        return plans.computeIfAbsent(account.accountId(), id -> {
            List<String> problems = new ArrayList<>();
            return resolve(id, account.connectorId(), problems).orElseThrow(() -> new InvalidResilienceSettingsException(problems));
        });
    }

    /** Every profile by name, built-in and configured. */
    public Map<String, VendorProfile> profiles() {
        return profiles;
    }

    private Optional<AccountPlan> resolve(String accountId, String connectorId, List<String> problems) {
        ResilienceProperties.Account override = properties.accounts().get(accountId);
        String key = PREFIX + "accounts." + accountId;
        String name;
        if (override != null && override.profile() != null) {
            name = override.profile();
            if (!profiles.containsKey(name)) {
                problems.add(key + ".profile names no vendor profile: '" + name + "' (known: " + new TreeSet<>(profiles.keySet()) + ")");
                return Optional.empty();
            }
        } else if (sandbox && profiles.containsKey(connectorId + VendorProfiles.SANDBOX_SUFFIX)) {
            name = connectorId + VendorProfiles.SANDBOX_SUFFIX;
        } else if (profiles.containsKey(connectorId)) {
            name = connectorId;
        } else {
            name = properties.rateLimit().unknownConnectorProfile();
        }
        VendorProfile profile = profiles.get(name);
        if (override != null && override.rateLimit() != null) {
            profile = merge(profile, override.rateLimit(), key + ".rate-limit", problems);
            if (profile == null) {
                return Optional.empty();
            }
        }
        int concurrent = properties.bulkhead().maxConcurrentCalls();
        if (override != null && override.bulkhead() != null && override.bulkhead().maxConcurrentCalls() != null) {
            concurrent = override.bulkhead().maxConcurrentCalls();
            if (concurrent < 1) {
                problems.add(key + ".bulkhead.max-concurrent-calls must be at least 1, but was " + concurrent);
                return Optional.empty();
            }
        }
        return Optional.of(new AccountPlan(name, profile.account(), profile.operations(), concurrent));
    }

    /** {@code configured} over {@code base} (which may be null); null and a problem per bad value when unusable. */
    private static VendorProfile merge(VendorProfile base, Profile configured, String key, List<String> problems) {
        int before = problems.size();
        Optional<RateLimit> account = base == null ? Optional.empty() : base.account();
        if (configured.limit() != null || configured.period() != null) {
            account = limit(configured.limit(), configured.period(), account, key, problems);
        }
        Map<String, RateLimit> operations = new LinkedHashMap<>(base == null ? Map.of() : base.operations());
        new java.util.TreeMap<>(configured.operations()).forEach((operation, limit) -> {
            Limit given = limit == null ? new Limit(null, null) : limit;
            limit(given.limit(), given.period(), Optional.ofNullable(operations.get(operation)), key + ".operations.[" + operation + "]", problems)
                    .ifPresent(resolved -> operations.put(operation, resolved));
        });
        return problems.size() > before ? null : new VendorProfile(account, operations);
    }

    private static Optional<RateLimit> limit(Integer limit, Duration period, Optional<RateLimit> base, String key, List<String> problems) {
        Integer calls = limit != null ? limit : base.map(RateLimit::limit).orElse(null);
        Duration length = period != null ? period : base.map(RateLimit::period).orElse(null);
        boolean valid = true;
        if (calls == null || calls < 1) {
            problems.add(key + ".limit must be at least 1, but was " + calls);
            valid = false;
        }
        if (length == null || length.isZero() || length.isNegative()) {
            problems.add(key + ".period must be positive, but was " + length);
            valid = false;
        }
        return valid ? Optional.of(new RateLimit(calls, length)) : Optional.empty();
    }
}
