package dev.omnigate.gateway.config;

import dev.omnigate.gateway.error.StartupProblemsException;
import java.util.List;

/** The store configuration has problems; each is located (file, store, account, key) and free of secrets. */
public final class InvalidStoreConfigException extends StartupProblemsException {

    private final List<StoreConfigProblem> storeProblems;

    public InvalidStoreConfigException(List<StoreConfigProblem> problems) {
        super(summaryOf(problems.size()), problems.stream().map(StoreConfigProblem::describe).toList());
        this.storeProblems = List.copyOf(problems);
    }

    private static String summaryOf(int count) {
        return "the store configuration has " + count + (count == 1 ? " problem" : " problems");
    }

    public List<StoreConfigProblem> storeProblems() {
        return storeProblems;
    }

    @Override
    public String summary() {
        return summaryOf(storeProblems.size());
    }

    @Override
    public String action() {
        return "Fix the listed entries in the store files (format and every connector's keys: config/README.md), "
                + "set the missing environment variables, or run the sandbox alone (omnigate.sandbox.enabled=true, "
                + "no store files).";
    }
}
