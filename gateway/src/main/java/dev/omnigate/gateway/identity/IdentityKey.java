package dev.omnigate.gateway.identity;

/** A key that ties a channel's customer record to a profile. */
public enum IdentityKey {
    /** A normalised (trimmed, lower-case) personal email address. */
    EMAIL,
    /** A phone number in E.164 form. */
    PHONE,
    /** The record is the one the request named by id. */
    CUSTOMER_ID
}
