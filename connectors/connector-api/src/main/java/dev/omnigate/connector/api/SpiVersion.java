package dev.omnigate.connector.api;

/**
 * The version of this SPI, {@code MAJOR.MINOR}.
 *
 * <p>A connector reports the version it was compiled against by returning {@link #CURRENT} from its
 * descriptor (a compile-time constant, so it records the SPI the connector was built with). The
 * gateway accepts a connector when the majors are equal and the connector's minor is not newer than
 * the host's.
 *
 * @since 1.0
 */
public final class SpiVersion {

    /** The SPI version of this build. */
    public static final String CURRENT = "1.1";

    private SpiVersion() {
    }

    /**
     * Whether a connector built against {@code connectorVersion} can run on a host whose SPI is
     * {@code hostVersion}.
     *
     * @return false for malformed versions, a different major, or a newer minor than the host's
     */
    public static boolean isCompatible(String connectorVersion, String hostVersion) {
        int[] connector = parse(connectorVersion);
        int[] host = parse(hostVersion);
        if (connector == null || host == null) {
            return false;
        }
        return connector[0] == host[0] && connector[1] <= host[1];
    }

    private static int[] parse(String version) {
        if (version == null || !version.matches("\\d{1,4}\\.\\d{1,4}")) {
            return null;
        }
        String[] parts = version.split("\\.");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }
}
