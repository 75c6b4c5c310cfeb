/** Change events: webhook ingress, the event log, change application (cache coherence) and subscriptions. */
package dev.omnigate.gateway.events;
