package dev.omnigate.connector.api.change;

/**
 * What kind of record a {@link ChangeEvent} is about.
 *
 * @since 1.0
 */
public enum EntityType {
    CUSTOMER,
    ORDER,
    INVENTORY_LEVEL,
    PRODUCT,
    PRICE,
    LOCATION,
    TICKET
}
