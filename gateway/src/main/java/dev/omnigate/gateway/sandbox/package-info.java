/**
 * Sandbox mode ({@code omnigate.sandbox.enabled}): starts the vendor simulators and offers their accounts as store
 * {@code demo}, validated and created like any configured account. The only package that uses the simulators.
 */
package dev.omnigate.gateway.sandbox;
