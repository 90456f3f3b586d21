/** Targets as stored: a runtime and model (spec), the paper's model type and a size label. */
package org.redteam4j.store.targets;
