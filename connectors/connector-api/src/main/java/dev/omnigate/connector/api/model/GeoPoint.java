package dev.omnigate.connector.api.model;

/**
 * A WGS 84 coordinate.
 *
 * @param latitude degrees in [-90, 90]
 * @param longitude degrees in [-180, 180]
 * @since 1.0
 */
public record GeoPoint(double latitude, double longitude) {

    public GeoPoint {
        if (latitude < -90 || latitude > 90 || Double.isNaN(latitude)) {
            throw new IllegalArgumentException("latitude must be in [-90, 90], but was " + latitude);
        }
        if (longitude < -180 || longitude > 180 || Double.isNaN(longitude)) {
            throw new IllegalArgumentException("longitude must be in [-180, 180], but was " + longitude);
        }
    }
}
