package dev.omnigate.gateway.graphql.paging;

import java.util.List;

/**
 * A Relay connection: edges, their nodes, and paging facts.
 *
 * @param edges the page's edges
 * @param nodes the same nodes without cursors
 * @param pageInfo paging facts
 */
public record Connection<T>(List<Edge<T>> edges, List<T> nodes, PageInfo pageInfo) {

    public Connection {
        edges = List.copyOf(edges);
        nodes = List.copyOf(nodes);
    }

    public static <T> Connection<T> of(List<Edge<T>> edges, boolean hasNextPage, boolean hasPreviousPage) {
        List<T> nodes = edges.stream().map(Edge::node).toList();
        PageInfo info = new PageInfo(hasNextPage, hasPreviousPage,
                edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor());
        return new Connection<>(edges, nodes, info);
    }

    public static <T> Connection<T> empty(boolean hasPreviousPage) {
        return new Connection<>(List.of(), List.of(), new PageInfo(false, hasPreviousPage, null, null));
    }
}
