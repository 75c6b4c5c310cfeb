package dev.omnigate.gateway.security.graphql;

import java.util.List;

/**
 * Names the customers a piece of personal data belongs to: given the object a personal-data field was read from (a
 * customer record, a customer-360 profile ...), their Customer global ids. Implemented next to the GraphQL views, which
 * know their objects.
 */
public interface PiiSubjects {

    /** The Customer global ids the source object's personal data belongs to; empty when unknown. Never throws. */
    List<String> customersOf(Object source);
}
