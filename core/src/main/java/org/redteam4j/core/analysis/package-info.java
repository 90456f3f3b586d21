/** Statistics with honest uncertainty: intervals, agreement and correlation, as pure functions. */
package org.redteam4j.core.analysis;
