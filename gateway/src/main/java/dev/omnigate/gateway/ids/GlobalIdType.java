package dev.omnigate.gateway.ids;

/** The object types a global id can name; each is a GraphQL type implementing {@code Node}. */
public enum GlobalIdType {
    Order,
    Customer,
    Location,
    Ticket
}
