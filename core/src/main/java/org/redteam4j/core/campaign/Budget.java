package org.redteam4j.core.campaign;

import java.util.concurrent.atomic.AtomicLong;

/** The campaign's global limits on requests and tokens; 0 means no limit. */
public final class Budget {

    private final long maxRequests;
    private final long maxTokens;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong tokens = new AtomicLong();

    public Budget(long maxRequests, long maxTokens) {
        if (maxRequests < 0 || maxTokens < 0) {
            throw new IllegalArgumentException("budgets are 0 (no limit) or more");
        }
        this.maxRequests = maxRequests;
        this.maxTokens = maxTokens;
    }

    /** Reserves the most an attack can spend; false when that would go over the budget. */
    boolean reserve(int requestCost) {
        if (maxTokens > 0 && tokens.get() >= maxTokens) {
            return false;
        }
        if (maxRequests == 0) {
            requests.addAndGet(requestCost);
            return true;
        }
        while (true) {
            long spent = requests.get();
            if (spent + requestCost > maxRequests) {
                return false;
            }
            if (requests.compareAndSet(spent, spent + requestCost)) {
                return true;
            }
        }
    }

    /** Settles a reservation with what the attack really spent. */
    void settle(int reserved, int used, long tokensUsed) {
        requests.addAndGet(used - reserved);
        tokens.addAndGet(tokensUsed);
    }

    public long requestsSpent() {
        return requests.get();
    }

    public long tokensSpent() {
        return tokens.get();
    }
}
