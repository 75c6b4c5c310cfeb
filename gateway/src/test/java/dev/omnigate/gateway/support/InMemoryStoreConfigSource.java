package dev.omnigate.gateway.support;

import dev.omnigate.gateway.config.AccountDefinition;
import dev.omnigate.gateway.config.StoreConfigSource;
import java.util.List;

/** Store definitions given in code (tests), validated exactly like the YAML files. */
public record InMemoryStoreConfigSource(List<AccountDefinition> accounts) implements StoreConfigSource {

    public InMemoryStoreConfigSource {
        accounts = List.copyOf(accounts);
    }

    @Override
    public String describe() {
        return "test store definitions (" + accounts.size() + " accounts)";
    }
}
