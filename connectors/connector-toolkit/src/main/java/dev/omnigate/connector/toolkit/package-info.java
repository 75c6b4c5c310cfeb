/**
 * Shared plumbing for vendor connectors (the Trino plugin-toolkit idea): not part of the SPI, free to
 * change, used by every vendor module so that each one speaks HTTP, JSON, signatures and errors the same
 * way.
 */
package dev.omnigate.connector.toolkit;
