package dev.omnigate.connector.zendesk.mapping;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.EmailAddress;
import dev.omnigate.connector.api.model.PhoneNumber;
import dev.omnigate.connector.toolkit.SourceRefs;
import dev.omnigate.connector.toolkit.identity.MarketplaceRelays;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Zendesk user (OAS {@code UserForAdmin}) plus its identities (OAS {@code UserIdentityObject}, sideloaded with
 * {@code include=identities}) → SPI {@link Customer}. Pure; thread-safe.
 *
 * <ul>
 *   <li>{@code emails}: every {@code type: email} identity, primary first, then the others in Zendesk's order; the
 *       user's {@code email} field (the primary identity's value) is added if no identity carries it. Each address
 *       is classified with {@link MarketplaceRelays#classify}: an Amazon or TikTok Shop relay address becomes
 *       {@code EmailAddress.relay(address, AMAZON / TIKTOK_SHOP)}, anything else personal.</li>
 *   <li>{@code phones}: the user's {@code phone}, then every {@code type: phone_number} identity (primary first), as
 *       Zendesk holds them (the gateway normalises for matching).</li>
 *   <li>{@code displayName}: {@code name}; Zendesk holds no first/last name split, so both are null, as is the
 *       address (Zendesk users have none).</li>
 * </ul>
 */
public final class ZendeskUserMapper {

    private final SourceRefs refs;

    public ZendeskUserMapper(SourceRefs refs) {
        this.refs = requireNonNull(refs, "refs is null");
    }

    /**
     * Groups a sideloaded {@code identities} array by {@code user_id}; empty when the answer has none.
     */
    public static Map<String, List<JsonNode>> identitiesByUser(JsonNode answer) {
        Map<String, List<JsonNode>> byUser = new LinkedHashMap<>();
        JsonNode identities = answer == null ? null : answer.get("identities");
        if (identities != null && identities.isArray()) {
            for (JsonNode identity : identities) {
                String userId = ZendeskJson.string(identity, "user_id");
                if (userId != null) {
                    byUser.computeIfAbsent(userId, k -> new ArrayList<>()).add(identity);
                }
            }
        }
        return byUser;
    }

    /**
     * @param user one element of {@code users}
     * @param identities that user's identities (possibly empty: then only {@code email}/{@code phone} are used)
     * @throws dev.omnigate.connector.api.error.ConnectorException BAD_RESPONSE when the user has no valid id or a
     *     timestamp is malformed
     */
    public Customer toCustomer(JsonNode user, List<JsonNode> identities) {
        String what = ZendeskJson.label("user", user);
        String id = ZendeskJson.id(user, what);
        return new Customer(
                refs.of(id),
                ZendeskJson.string(user, "name"),
                null,
                null,
                emails(user, identities),
                phones(user, identities),
                null,
                ZendeskJson.instant(user, "created_at", what),
                ZendeskJson.instant(user, "updated_at", what));
    }

    private static List<EmailAddress> emails(JsonNode user, List<JsonNode> identities) {
        List<String> addresses = new ArrayList<>();
        for (JsonNode identity : primaryFirst(identities, "email")) {
            addDistinct(addresses, ZendeskJson.string(identity, "value"));
        }
        addDistinct(addresses, ZendeskJson.string(user, "email"));
        return addresses.stream().map(MarketplaceRelays::classify).toList();
    }

    private static List<PhoneNumber> phones(JsonNode user, List<JsonNode> identities) {
        List<String> numbers = new ArrayList<>();
        addDistinct(numbers, ZendeskJson.string(user, "phone"));
        for (JsonNode identity : primaryFirst(identities, "phone_number")) {
            addDistinct(numbers, ZendeskJson.string(identity, "value"));
        }
        return numbers.stream().map(PhoneNumber::of).toList();
    }

    /** Identities of one type, the primary one first, otherwise in Zendesk's order (a stable sort). */
    private static List<JsonNode> primaryFirst(List<JsonNode> identities, String type) {
        return identities.stream()
                .filter(identity -> type.equals(ZendeskJson.string(identity, "type")))
                .sorted(Comparator.comparing(identity -> !identity.path("primary").asBoolean(false)))
                .toList();
    }

    private static void addDistinct(List<String> values, String value) {
        if (value != null && values.stream().noneMatch(v -> v.strip().toLowerCase(Locale.ROOT)
                .equals(value.strip().toLowerCase(Locale.ROOT)))) {
            values.add(value);
        }
    }
}
