package dev.omnigate.connector.api.read;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.model.Location;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the places that hold this account's stock. Obtained from
 * {@link dev.omnigate.connector.api.Connector#locations()}.
 *
 * @since 1.0
 */
public interface LocationReader {

    /** Every location of the account, active and inactive (accounts have few; the host caches them). */
    List<Location> listAll(CallContext context);

    /** Locations by native id; unknown ids are absent. The default filters {@link #listAll}. */
    default Map<String, Location> getByIds(CallContext context, Set<String> ids) {
        return listAll(context).stream()
                .filter(location -> ids.contains(location.source().nativeId()))
                .collect(Collectors.toUnmodifiableMap(location -> location.source().nativeId(), Function.identity(),
                        (first, second) -> first));
    }
}
