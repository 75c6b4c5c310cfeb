package dev.omnigate.simulator.world;

/**
 * A WGS 84 coordinate.
 *
 * @param latitude degrees north, -90..90
 * @param longitude degrees east, -180..180
 */
public record GeoPoint(double latitude, double longitude) {

    public GeoPoint {
        if (latitude < -90 || latitude > 90) {
            throw new IllegalArgumentException("latitude must be within -90..90, was " + latitude);
        }
        if (longitude < -180 || longitude > 180) {
            throw new IllegalArgumentException("longitude must be within -180..180, was " + longitude);
        }
    }

    /** Great-circle distance in kilometres (haversine, mean Earth radius). */
    public double distanceKm(GeoPoint other) {
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLon = Math.toRadians(other.longitude - longitude);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(latitude)) * Math.cos(Math.toRadians(other.latitude)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6371.0 * Math.asin(Math.sqrt(a));
    }
}
