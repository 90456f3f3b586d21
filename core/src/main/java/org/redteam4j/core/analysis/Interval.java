package org.redteam4j.core.analysis;

/** An estimate with its 95% interval. */
public record Interval(double estimate, double low, double high) implements java.io.Serializable {

    public boolean excludesZero() {
        return low > 0 || high < 0;
    }
}
