package dev.omnigate.gateway.connector;

import dev.omnigate.gateway.error.StartupProblemsException;
import java.util.List;

/** The installed connector plugins are inconsistent (duplicate ids, incompatible SPI versions ...). */
public final class ConnectorRegistryException extends StartupProblemsException {

    public ConnectorRegistryException(List<String> problems) {
        super(summaryOf(problems), problems);
    }

    private static String summaryOf(List<String> problems) {
        return "the installed connector plugins have " + problems.size() + (problems.size() == 1 ? " problem" : " problems");
    }

    @Override
    public String summary() {
        return summaryOf(problems());
    }

    @Override
    public String action() {
        return "Remove or upgrade the named connector jars so that every connector id is unique and every connector "
                + "is built against SPI " + dev.omnigate.connector.api.SpiVersion.CURRENT.split("\\.")[0] + ".x, at most "
                + dev.omnigate.connector.api.SpiVersion.CURRENT + ".";
    }
}
