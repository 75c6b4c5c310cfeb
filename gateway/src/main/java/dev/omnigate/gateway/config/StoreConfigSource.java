package dev.omnigate.gateway.config;

import java.util.List;

/**
 * Where store and account definitions come from: the YAML files under {@code config/stores/} today, the
 * sandbox's simulated accounts in sandbox mode, a database later. The gateway validates every definition of
 * every source together and refuses to start with one message listing every problem.
 */
public interface StoreConfigSource {

    /**
     * Every account this source defines, disabled ones included. Reading problems (a file that is not YAML,
     * a wrong structure) are returned as {@link #problems()}, never thrown.
     */
    List<AccountDefinition> accounts();

    /** Problems that belong to no single account (unreadable files, a wrong top-level structure). */
    default List<StoreConfigProblem> problems() {
        return List.of();
    }

    /** A short description for the startup log, e.g. {@code config/stores (2 files)}. */
    String describe();
}
