package dev.omnigate.gateway.resilience;

/**
 * How many retries one account may still make: every first attempt deposits {@code ratio} of a retry, every retry
 * withdraws one, and a small floor per second lets a quiet account retry at all. So retries add at most about
 * {@code ratio} extra load, however many requests fail (the retry-throttling scheme of gRPC and Finagle).
 */
final class RetryBudget {

    private static final double MAX_BALANCE = 100;

    private final double ratio;
    private final int minPerSecond;
    private double balance;
    private long currentSecond = Long.MIN_VALUE;
    private int floorUsedThisSecond;

    RetryBudget(double ratio, int minPerSecond) {
        this.ratio = ratio;
        this.minPerSecond = minPerSecond;
    }

    synchronized void recordAttempt() {
        balance = Math.min(MAX_BALANCE, balance + ratio);
    }

    /** Takes one retry from the budget; false when none is left. */
    synchronized boolean tryWithdraw(long nowMillis) {
        if (balance >= 1) {
            balance -= 1;
            return true;
        }
        long second = nowMillis / 1000;
        if (second != currentSecond) {
            currentSecond = second;
            floorUsedThisSecond = 0;
        }
        if (floorUsedThisSecond < minPerSecond) {
            floorUsedThisSecond++;
            return true;
        }
        return false;
    }
}
