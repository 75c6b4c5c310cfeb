package dev.omnigate.simulator.world;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A real customer of the brand, the truth behind every channel's view of them.
 *
 * @param key the world's stable key, e.g. {@code P0001} (Ava Chen)
 * @param firstName given name
 * @param lastName family name
 * @param email the person's own e-mail, lower case
 * @param secondEmail a second personal e-mail some channels know instead, or null
 * @param phone mobile number in E.164 (e.g. {@code +14155550142}), or null when the person gave none
 * @param address home address
 * @param createdAt when the person first bought or wrote to the brand
 * @param presences one entry per channel the person appears on
 */
public record Person(String key, String firstName, String lastName, String email, String secondEmail, String phone,
        PostalAddress address, Instant createdAt, List<ChannelPresence> presences) {

    public Person {
        requireNonNull(key, "key is null");
        requireNonNull(firstName, "firstName is null");
        requireNonNull(lastName, "lastName is null");
        requireNonNull(email, "email is null");
        requireNonNull(address, "address is null");
        requireNonNull(createdAt, "createdAt is null");
        presences = List.copyOf(presences);
    }

    public String fullName() {
        return firstName + " " + lastName;
    }

    /** This person's presence on a channel, if any. */
    public Optional<ChannelPresence> presenceOn(Channel channel) {
        return presences.stream().filter(p -> p.channel() == channel).findFirst();
    }

    /** Whether the person appears on more than one channel. */
    public boolean isMultiChannel() {
        return presences.size() > 1;
    }
}
