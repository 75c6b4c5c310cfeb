package dev.omnigate.gateway.security;

import java.util.List;

/**
 * Clients that come with a mode rather than from configuration: the sandbox's documented demo clients. They join the
 * configured clients (an id may not be used twice).
 */
public interface BuiltInClients {

    /** The clients, validated like configured ones. */
    List<ClientDefinition> clients();

    /** Where they come from, for messages, e.g. {@code sandbox demo clients}. */
    String describe();
}
