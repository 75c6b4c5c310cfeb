package dev.omnigate.connector.api.model;

import static java.util.Objects.requireNonNull;

/**
 * A place that holds stock.
 *
 * @param source where this record lives
 * @param name display name
 * @param kind warehouse, store or marketplace fulfilment
 * @param address nullable
 * @param geo coordinates; nullable when the vendor has none
 * @param active whether the vendor reports it as active
 * @since 1.0
 */
public record Location(SourceRef source, String name, LocationKind kind, Address address, GeoPoint geo, boolean active) {

    public Location {
        requireNonNull(source, "source is null");
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
    }
}
