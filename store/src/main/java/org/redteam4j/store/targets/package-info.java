/**
 * Targets as stored: a name and its versions (a declaration is never rewritten; one that changes
 * replies is a new version, shown as {@code name v2}…), the paper's model type and a size label.
 */
package org.redteam4j.store.targets;
