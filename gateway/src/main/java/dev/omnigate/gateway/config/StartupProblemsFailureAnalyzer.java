package dev.omnigate.gateway.config;

import dev.omnigate.gateway.error.StartupProblemsException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refused start (invalid store configuration, inconsistent connector plugins) into Spring Boot's
 * "APPLICATION FAILED TO START" report: one description listing every problem, one action. Registered in
 * {@code META-INF/spring.factories}.
 */
public final class StartupProblemsFailureAnalyzer extends AbstractFailureAnalyzer<StartupProblemsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupProblemsException cause) {
        String description = "Omnigate cannot start: " + cause.summary() + "." + System.lineSeparator()
                + System.lineSeparator() + StartupProblemsException.numbered(cause.problems());
        // no cause: the exception's stack trace says nothing an operator needs
        return new FailureAnalysis(description, cause.action(), null);
    }
}
