/** {@code redteam4j analyze}: the paper's analyses as one self-contained HTML report, tables.json and CSVs. */
package org.redteam4j.app.report;
