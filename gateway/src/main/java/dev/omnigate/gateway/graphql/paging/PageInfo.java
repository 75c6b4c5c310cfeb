package dev.omnigate.gateway.graphql.paging;

/** The GraphQL {@code PageInfo}. */
public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
}
