package dev.omnigate.gateway.graphql.paging;

/** One node of a connection with the cursor that continues after it. */
public record Edge<T>(String cursor, T node) {
}
