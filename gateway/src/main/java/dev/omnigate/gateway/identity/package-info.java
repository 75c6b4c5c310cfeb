/**
 * Customer-360 identity resolution: normalisation of emails and phones (libphonenumber), deterministic merging of
 * channel customer records with merge protection, and lifetime metrics. Independent of GraphQL.
 */
package dev.omnigate.gateway.identity;
