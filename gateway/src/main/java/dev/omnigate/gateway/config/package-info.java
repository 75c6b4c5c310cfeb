/**
 * Configuration: {@link dev.omnigate.gateway.config.OmnigateProperties} ({@code omnigate.*}), store sources
 * ({@code config/stores/*.yml}, the sandbox), whole-configuration validation and account creation
 * ({@link dev.omnigate.gateway.config.StoreAccountsFactory}), and the failure analyzer that turns a refused start
 * into one report listing every problem without secrets.
 */
package dev.omnigate.gateway.config;
