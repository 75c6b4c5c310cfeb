package dev.omnigate.connector.api.change;

/**
 * What happened to the record.
 *
 * @since 1.0
 */
public enum ChangeKind {
    CREATED,
    UPDATED,
    DELETED
}
