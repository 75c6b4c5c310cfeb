/**
 * The Omnigate connector SPI.
 *
 * <p>A connector adapts one vendor (Shopify, Amazon, a POS, a helpdesk ...) to Omnigate's model. The
 * gateway finds connectors with {@link java.util.ServiceLoader} over {@link dev.omnigate.connector.api.ConnectorFactory},
 * creates one {@link dev.omnigate.connector.api.Connector} per configured account, and calls its
 * capability readers from virtual threads. The gateway owns caching, retries, circuit breaking, rate
 * limiting, deadlines, cursors and deduplication; connectors own vendor I/O and mapping only.
 *
 * <h2>Evolution policy</h2>
 * <ul>
 *   <li>The SPI grows by additions only: new methods are {@code default} methods that return
 *       {@link java.util.Optional#empty()} or refuse with
 *       {@link dev.omnigate.connector.api.error.ErrorCategory#UNSUPPORTED}, and carry {@code @since}.</li>
 *   <li>{@link dev.omnigate.connector.api.SpiVersion#CURRENT} is {@code MAJOR.MINOR}: additions bump the
 *       minor; the registry accepts a connector whose major matches and whose minor is not newer than
 *       the host's.</li>
 *   <li>This module depends on the JDK only; the build enforces it.</li>
 * </ul>
 *
 * <h2>Threading</h2>
 * Every reader method is synchronous and may block on I/O. The host calls them concurrently from many
 * virtual threads, so connectors and readers must be thread-safe. Connectors never start threads of
 * their own for request work and never return futures.
 *
 * @since 1.0
 */
package dev.omnigate.connector.api;
