package dev.omnigate.gateway.error;

import java.util.List;

/**
 * The gateway cannot start, for reasons an operator can fix: every problem is listed, and the failure
 * analyzer prints them as one message with an action. Messages never contain secrets.
 */
public abstract class StartupProblemsException extends RuntimeException {

    private final List<String> problems;

    protected StartupProblemsException(String summary, List<String> problems) {
        super(summary + ":" + System.lineSeparator() + numbered(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, one line each. */
    public List<String> problems() {
        return problems;
    }

    /** One sentence saying what the problems are about, e.g. "the store configuration has 3 problems". */
    public abstract String summary();

    /** What the operator should do. */
    public abstract String action();

    /** The problems as a numbered list, one per line. */
    public static String numbered(List<String> problems) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < problems.size(); i++) {
            text.append(String.format("  %2d. %s%n", i + 1, problems.get(i)));
        }
        return text.toString();
    }
}
