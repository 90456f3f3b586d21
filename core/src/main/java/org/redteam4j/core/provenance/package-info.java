/** Provenance: what made a campaign's or an import's results (versions, input hash, component ids). */
package org.redteam4j.core.provenance;
