/** The attack map (the paper's Fig. 2): attempts embedded, projected with UMAP, clustered and labelled. */
package org.redteam4j.models.map;
