package dev.omnigate.gateway.identity;

import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.read.CustomerQuery;
import dev.omnigate.connector.api.read.CustomerReader;
import dev.omnigate.connector.api.read.PageRequest;
import dev.omnigate.gateway.connector.AccountFailure;
import dev.omnigate.gateway.connector.AccountResults;
import dev.omnigate.gateway.connector.ConnectorAccount;
import dev.omnigate.gateway.connector.ConnectorAccounts;
import dev.omnigate.gateway.connector.ConnectorInvoker;
import dev.omnigate.gateway.connector.RequestScope;
import dev.omnigate.gateway.ids.GlobalId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Customer-360 identity resolution, v1: deterministic matching on normalised email and E.164 phone.
 *
 * <ol>
 *   <li>Start from the request's key (an email or phone), or from the record a customer id names (whose own
 *       personal emails and phones become the keys).</li>
 *   <li>Search every account with {@code CUSTOMERS_READ} for each key, in parallel. A record counts only if
 *       one of <em>its own</em> normalised keys equals a searched key (vendor search may be fuzzy; relay
 *       emails and masked phones are never keys).</li>
 *   <li>Merge protection: an account contributes at most one record. When several records of one account
 *       match, the one named by id wins, then the one found earliest, then the one matching more key kinds,
 *       then the smallest native id; the others are reported as ambiguous, never merged.</li>
 *   <li>Expansion: the keys of the merged records are searched again, {@code expansion-rounds} times (default
 *       once), at most {@value #MAX_KEYS_PER_ROUND} new keys of each kind per round, so that a person found by
 *       email is also found on channels that only hold their phone, without snowballing through shared keys.</li>
 * </ol>
 * An account whose search fails is reported in {@link ProfileResolution#failures()}; the others still answer.
 */
public final class Customer360Service {

    static final int MAX_KEYS_PER_ROUND = 5;

    private final ConnectorAccounts accounts;
    private final ConnectorInvoker invoker;
    private final IdentityNormalizer normalizer;
    private final int expansionRounds;
    private final int searchLimit;

    public Customer360Service(ConnectorAccounts accounts, ConnectorInvoker invoker, IdentityNormalizer normalizer,
            int expansionRounds, int searchLimit) {
        this.accounts = accounts;
        this.invoker = invoker;
        this.normalizer = normalizer;
        this.expansionRounds = expansionRounds;
        this.searchLimit = searchLimit;
    }

    public IdentityNormalizer normalizer() {
        return normalizer;
    }

    /** Resolves the profile on a virtual thread; never completes exceptionally for connector failures. */
    public CompletableFuture<ProfileResolution> resolve(CustomerLookup lookup, RequestScope scope) {
        return invoker.orchestrate(scope, () -> new Resolution(lookup, scope).run());
    }

    private record Candidate(Customer customer, boolean named, int round) {
        String account() {
            return customer.source().account();
        }
    }

    /** The state of one resolution; used by one thread only. */
    private final class Resolution {
        private final CustomerLookup lookup;
        private final RequestScope scope;
        private final List<AccountFailure> failures = new ArrayList<>();
        private final Map<String, Candidate> candidates = new LinkedHashMap<>();
        private final Set<String> searchedEmails = new LinkedHashSet<>();
        private final Set<String> searchedPhones = new LinkedHashSet<>();

        Resolution(CustomerLookup lookup, RequestScope scope) {
            this.lookup = lookup;
            this.scope = scope;
        }

        ProfileResolution run() {
            List<String> emails = new ArrayList<>();
            List<String> phones = new ArrayList<>();
            if (lookup.customerId() != null) {
                Customer named = fetchNamed(lookup.customerId());
                if (named == null) {
                    return new ProfileResolution(null, failures);
                }
                candidates.put(key(named), new Candidate(named, true, 0));
                emails.addAll(normalizer.emailKeys(named));
                phones.addAll(normalizer.phoneKeys(named));
            } else if (lookup.email() != null) {
                emails.add(lookup.email());
            } else {
                phones.add(lookup.phone());
            }
            for (int round = 0; round <= expansionRounds; round++) {
                // several merged records share a key: search it once
                List<String> newEmails = emails.stream().distinct().filter(email -> !searchedEmails.contains(email))
                        .limit(MAX_KEYS_PER_ROUND).toList();
                List<String> newPhones = phones.stream().distinct().filter(phone -> !searchedPhones.contains(phone))
                        .limit(MAX_KEYS_PER_ROUND).toList();
                if (newEmails.isEmpty() && newPhones.isEmpty()) {
                    break;
                }
                search(newEmails, newPhones, round);
                emails.clear();
                phones.clear();
                for (Candidate merged : merged()) {
                    emails.addAll(normalizer.emailKeys(merged.customer()));
                    phones.addAll(normalizer.phoneKeys(merged.customer()));
                }
            }
            return new ProfileResolution(profile(), failures);
        }

        private Customer fetchNamed(GlobalId id) {
            ConnectorAccount account = accounts.find(id.account()).orElse(null);
            CustomerReader reader = account == null ? null : account.connector().customers().orElse(null);
            if (reader == null) {
                return null;
            }
            try {
                return invoker.callInChunks(account, "customers.getByIds", scope, Set.of(id.nativeId()), reader.maxBatchSize(),
                        reader::getByIds).join().get(id.nativeId());
            } catch (CompletionException e) {
                failures.add(ConnectorInvoker.failureOf(e));
                return null;
            }
        }

        private void search(List<String> emails, List<String> phones, int round) {
            searchedEmails.addAll(emails);
            searchedPhones.addAll(phones);
            List<CustomerQuery> queries = new ArrayList<>();
            emails.forEach(email -> queries.add(CustomerQuery.byEmail(email)));
            phones.forEach(phone -> queries.add(CustomerQuery.byPhone(phone)));
            AccountResults<List<Customer>> results = invoker.fanOut(accounts.with(Capability.CUSTOMERS_READ),
                    account -> searchAccount(account, queries)).join();
            addFailures(results.failures());
            results.values().values().forEach(found -> found.forEach(customer -> consider(customer, round)));
        }

        private CompletableFuture<List<Customer>> searchAccount(ConnectorAccount account, List<CustomerQuery> queries) {
            CustomerReader reader = account.connector().customers().orElseThrow();
            List<CompletableFuture<List<Customer>>> calls = new ArrayList<>();
            for (CustomerQuery query : queries) {
                calls.add(invoker.call(account, "customers.search", scope,
                        context -> reader.search(context, query, PageRequest.first(searchLimit)).items()));
            }
            return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                    .thenApply(ignored -> calls.stream().flatMap(call -> call.join().stream()).toList());
        }

        private void consider(Customer customer, int round) {
            if (matchedBy(customer, false).isEmpty()) {
                return; // the vendor's search matched on something that is not one of our keys
            }
            candidates.putIfAbsent(key(customer), new Candidate(customer, false, round));
        }

        private Set<IdentityKey> matchedBy(Customer customer, boolean named) {
            Set<IdentityKey> keys = EnumSet.noneOf(IdentityKey.class);
            if (named) {
                keys.add(IdentityKey.CUSTOMER_ID);
            }
            if (normalizer.emailKeys(customer).stream().anyMatch(searchedEmails::contains)) {
                keys.add(IdentityKey.EMAIL);
            }
            if (normalizer.phoneKeys(customer).stream().anyMatch(searchedPhones::contains)) {
                keys.add(IdentityKey.PHONE);
            }
            return keys;
        }

        private Comparator<Candidate> preference() {
            return Comparator.comparing((Candidate candidate) -> !candidate.named())
                    .thenComparingInt(Candidate::round)
                    .thenComparing(candidate -> -matchedBy(candidate.customer(), candidate.named()).size())
                    .thenComparing(candidate -> candidate.customer().source().nativeId(), NATIVE_ID_ORDER);
        }

        /** The best candidate of each account (merge protection), in profile order. */
        private List<Candidate> merged() {
            Map<String, Candidate> best = new LinkedHashMap<>();
            Comparator<Candidate> preference = preference();
            for (Candidate candidate : candidates.values()) {
                best.merge(candidate.account(), candidate, (kept, other) -> preference.compare(kept, other) <= 0 ? kept : other);
            }
            return best.values().stream().sorted(profileOrder()).toList();
        }

        private Comparator<Candidate> profileOrder() {
            return Comparator.comparing((Candidate candidate) -> !candidate.named())
                    .thenComparingInt(Candidate::round)
                    .thenComparing(candidate -> candidate.customer().source().channel())
                    .thenComparing(Candidate::account)
                    .thenComparing(candidate -> candidate.customer().source().nativeId(), NATIVE_ID_ORDER);
        }

        private CustomerProfile profile() {
            List<Candidate> merged = merged();
            if (merged.isEmpty()) {
                return null;
            }
            Set<Candidate> mergedSet = new LinkedHashSet<>(merged);
            List<MatchedIdentity> identities = merged.stream().map(this::identity).toList();
            List<MatchedIdentity> ambiguous = candidates.values().stream()
                    .filter(candidate -> !mergedSet.contains(candidate))
                    .sorted(profileOrder())
                    .map(this::identity)
                    .toList();
            LinkedHashSet<String> emails = new LinkedHashSet<>();
            LinkedHashSet<String> phones = new LinkedHashSet<>();
            if (lookup.email() != null) {
                emails.add(lookup.email());
            }
            if (lookup.phone() != null) {
                phones.add(lookup.phone());
            }
            for (Candidate candidate : merged) {
                emails.addAll(normalizer.emailKeys(candidate.customer()));
                phones.addAll(normalizer.phoneKeys(candidate.customer()));
            }
            return new CustomerProfile(identities, ambiguous, List.copyOf(emails), List.copyOf(phones));
        }

        private MatchedIdentity identity(Candidate candidate) {
            Customer customer = candidate.customer();
            List<String> emails = normalizer.emailKeys(customer);
            List<String> phones = normalizer.phoneKeys(customer);
            return new MatchedIdentity(customer, matchedBy(customer, candidate.named()),
                    emails.isEmpty() ? null : emails.getFirst(), phones.isEmpty() ? null : phones.getFirst(), candidate.round());
        }

        private void addFailures(List<AccountFailure> more) {
            for (AccountFailure failure : more) {
                boolean known = failures.stream().anyMatch(existing -> existing.accountId().equals(failure.accountId())
                        && existing.operation().equals(failure.operation()));
                if (!known) {
                    failures.add(failure);
                }
            }
        }
    }

    private static String key(Customer customer) {
        return customer.source().account() + "\u0000" + customer.source().nativeId();
    }

    /** Shorter numeric ids first, then lexicographic: "9" before "10", stable for non-numeric ids. */
    static final Comparator<String> NATIVE_ID_ORDER = Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());
}
