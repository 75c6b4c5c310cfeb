package dev.omnigate.simulator.faults;

import static java.util.Objects.requireNonNull;

import dev.omnigate.simulator.Sandbox;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live fault settings of every vendor simulator of one sandbox, changeable at run time from any thread. Each
 * vendor has its own random sequence derived from the seed, so with the same seed and the same requests in the same
 * order the same requests fail. Also counts the HTTP requests each simulator received (faulted or not), which load
 * tests read as "upstream calls".
 */
public final class FaultControls {

    /** The vendors (connector ids) the sandbox simulates, in the order it starts them. */
    public static final List<String> VENDORS = List.of(Sandbox.SHOPIFY, Sandbox.AMAZON, Sandbox.TIKTOK_SHOP, Sandbox.SQUARE,
            Sandbox.ZENDESK);

    private final long seed;
    private final Map<String, Vendor> vendors = new LinkedHashMap<>();

    /**
     * @param seed seeds each vendor's random sequence (jitter, error, reset and malformed draws)
     * @param initial settings per vendor to start with; vendors not named start without faults
     * @throws InvalidFaultException when {@code initial} names a vendor the sandbox does not simulate
     */
    public FaultControls(long seed, Map<String, FaultSettings> initial) {
        requireNonNull(initial, "initial is null");
        this.seed = seed;
        for (String vendor : VENDORS) {
            vendors.put(vendor, new Vendor(new SplittableRandom(seed ^ vendor.hashCode())));
        }
        initial.forEach(this::set);
    }

    /** Controls without any fault, e.g. for a simulator started on its own. */
    public static FaultControls none() {
        return new FaultControls(0, Map.of());
    }

    /** Checks a vendor id; the exception names the known ones. */
    public static String requireVendor(String vendor) {
        if (vendor == null || !VENDORS.contains(vendor)) {
            throw new InvalidFaultException("vendor", "must be one of " + VENDORS + ", was '" + vendor + "'");
        }
        return vendor;
    }

    /** Replaces a vendor's settings; takes effect for the next request. */
    public void set(String vendor, FaultSettings settings) {
        requireNonNull(settings, "settings is null");
        vendors.get(requireVendor(vendor)).settings = settings;
    }

    /** A vendor's current settings ({@link FaultSettings#NONE} when none are set). */
    public FaultSettings settings(String vendor) {
        return vendors.get(requireVendor(vendor)).settings;
    }

    /** Every vendor's current settings, in {@link #VENDORS} order. */
    public Map<String, FaultSettings> all() {
        Map<String, FaultSettings> all = new LinkedHashMap<>();
        vendors.forEach((vendor, state) -> all.put(vendor, state.settings));
        return all;
    }

    /** Clears every vendor's faults. Request counters are kept. */
    public void clear() {
        vendors.values().forEach(state -> state.settings = FaultSettings.NONE);
    }

    /** HTTP requests a vendor's simulator received since start (or {@link #resetCounters()}), faulted ones included. */
    public long requests(String vendor) {
        return vendors.get(requireVendor(vendor)).requests.get();
    }

    /** Requests a vendor's simulator answered with an injected fault (down, error, reset or malformed). */
    public long injected(String vendor) {
        return vendors.get(requireVendor(vendor)).injected.get();
    }

    /** Request counts of every vendor, in {@link #VENDORS} order. */
    public Map<String, Long> requests() {
        Map<String, Long> all = new LinkedHashMap<>();
        vendors.forEach((vendor, state) -> all.put(vendor, state.requests.get()));
        return all;
    }

    /**
     * A vendor's requests by route: method and path with every run of digits as {@code {n}}, e.g.
     * {@code GET /api/v2/users/{n}/tickets.json}; sorted by route.
     */
    public Map<String, Long> routes(String vendor) {
        Map<String, Long> routes = new TreeMap<>();
        vendors.get(requireVendor(vendor)).routes.forEach((route, count) -> routes.put(route, count.sum()));
        return routes;
    }

    /** Sets every request and injected-fault counter to zero. */
    public void resetCounters() {
        vendors.values().forEach(state -> {
            state.requests.set(0);
            state.injected.set(0);
            state.routes.clear();
        });
    }

    /** The seed the random sequences derive from. */
    public long seed() {
        return seed;
    }

    /** One vendor's state. Settings are swapped whole, so a request sees one consistent set. */
    static final class Vendor {
        volatile FaultSettings settings = FaultSettings.NONE;
        final AtomicLong requests = new AtomicLong();
        final AtomicLong injected = new AtomicLong();
        final ConcurrentHashMap<String, LongAdder> routes = new ConcurrentHashMap<>();
        private final SplittableRandom random;

        Vendor(SplittableRandom random) {
            this.random = random;
        }

        /** Whether an event of probability {@code rate} happens; draws only for 0 < rate < 1. */
        boolean roll(double rate) {
            if (rate <= 0) {
                return false;
            }
            if (rate >= 1) {
                return true;
            }
            synchronized (random) {
                return random.nextDouble() < rate;
            }
        }

        long jitter(long maxMs) {
            if (maxMs <= 0) {
                return 0;
            }
            synchronized (random) {
                return random.nextLong(maxMs + 1);
            }
        }
    }

    Vendor vendor(String vendor) {
        return vendors.get(requireVendor(vendor));
    }
}
